package dev.picket.web;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page, whichever feature renders it, the e-mail of who is signed in, for the header
 * (null on the sign-in pages).
 */
@ControllerAdvice
class SignedInUserAdvice {

    @ModelAttribute("signedInAs")
    String signedInAs(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
