package dev.picket.accounts;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives the accounts pages the e-mail of who is signed in, for the shared header (as the other pages have it). */
@ControllerAdvice(assignableTypes = {OrganizationPagesController.class, TeamPagesController.class,
        MemberPagesController.class, InvitationPagesController.class, AccountSettingsController.class,
        ApiTokenPagesController.class})
class AccountPagesAdvice {

    @ModelAttribute("signedInAs")
    String signedInAs(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
