package dev.picket.accounts;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An organization's members and pending invitations. Every member sees the list; owners and admins
 * change roles, remove members, invite and revoke invitations ({@link RoleRules}).
 */
@Controller
class MemberPagesController {

    private static final String MEMBERS_PAGE = "/organizations/{organizationSlug}/members/";

    private final AccountPageAccess access;
    private final Memberships memberships;
    private final Invitations invitations;
    private final InvitationMailer mailer;

    MemberPagesController(AccountPageAccess access, Memberships memberships, Invitations invitations,
                          InvitationMailer mailer) {
        this.access = access;
        this.memberships = memberships;
        this.invitations = invitations;
        this.mailer = mailer;
    }

    @GetMapping(MEMBERS_PAGE)
    String list(Principal principal, @PathVariable String organizationSlug, Model model) {
        Membership membership = access.membership(principal, organizationSlug);
        model.addAttribute("membership", membership);
        model.addAttribute("organization", membership.organization());
        model.addAttribute("members", memberships.list(membership.organization()));
        model.addAttribute("roles", OrganizationRole.values());
        if (membership.manages()) {
            model.addAttribute("invitations", invitations.pending(membership.organization()));
        }
        return "accounts/members";
    }

    @PostMapping(MEMBERS_PAGE + "{userId}/role")
    String changeRole(Principal principal, @PathVariable String organizationSlug, @PathVariable long userId,
                      @RequestParam(defaultValue = "") String role, RedirectAttributes redirect) {
        Membership membership = access.membership(principal, organizationSlug);
        return Flash.outcome(redirect, MEMBERS_PAGE,
                () -> memberships.changeRole(membership, userId, OrganizationRole.parse(role)), "Role changed.");
    }

    @PostMapping(MEMBERS_PAGE + "{userId}/remove")
    String remove(Principal principal, @PathVariable String organizationSlug, @PathVariable long userId,
                  RedirectAttributes redirect) {
        Membership membership = access.membership(principal, organizationSlug);
        if (membership.user().id() == userId) {
            try {
                memberships.remove(membership, userId);
                redirect.addFlashAttribute("notice", "You left " + membership.organization().name() + ".");
                return "redirect:/organizations/";
            } catch (AccountRuleException refused) {
                redirect.addFlashAttribute("error", refused.getMessage());
                return "redirect:" + MEMBERS_PAGE;
            }
        }
        return Flash.outcome(redirect, MEMBERS_PAGE, () -> memberships.remove(membership, userId), "Member removed.");
    }

    @PostMapping("/organizations/{organizationSlug}/invitations/")
    String invite(Principal principal, @PathVariable String organizationSlug,
                  @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String role,
                  RedirectAttributes redirect) {
        Membership membership = access.membership(principal, organizationSlug);
        try {
            Invitations.Issued issued = invitations.issue(membership, email, OrganizationRole.parse(role));
            InvitationMailer.Outcome mail = mailer.send(issued, membership.organization(), membership.user());
            redirect.addFlashAttribute("notice", "Invitation created for " + issued.invitation().email() + ". "
                    + mail.description());
            redirect.addFlashAttribute("invitationLink", mailer.link(issued.token()));
        } catch (AccountRuleException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + MEMBERS_PAGE;
    }

    @PostMapping("/organizations/{organizationSlug}/invitations/{invitationId}/revoke")
    String revoke(Principal principal, @PathVariable String organizationSlug, @PathVariable long invitationId,
                  RedirectAttributes redirect) {
        Membership membership = access.membership(principal, organizationSlug);
        return Flash.outcome(redirect, MEMBERS_PAGE, () -> invitations.revoke(membership, invitationId),
                "Invitation revoked.");
    }
}
