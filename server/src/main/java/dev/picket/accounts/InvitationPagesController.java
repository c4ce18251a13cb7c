package dev.picket.accounts;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where an invitation link leads. The link itself is public ({@link AccountPages#INVITATION_LINKS}): a new person
 * makes their account there; someone signed in joins with theirs, and someone with an account who
 * is not signed in is sent through sign-in to the join page.
 */
@Controller
class InvitationPagesController {

    private final Invitations invitations;
    private final Users users;
    private final AccountPageAccess access;

    InvitationPagesController(Invitations invitations, Users users, AccountPageAccess access) {
        this.invitations = invitations;
        this.users = users;
        this.access = access;
    }

    @GetMapping("/invitations/{token}")
    String open(Principal principal, @PathVariable String token, Model model, HttpServletResponse response) {
        return page(principal, token, model, response);
    }

    @GetMapping("/invitations/{token}/join")
    String join(Principal principal, @PathVariable String token, Model model, HttpServletResponse response) {
        return page(principal, token, model, response);
    }

    @PostMapping("/invitations/{token}")
    String createAccount(@PathVariable String token, @RequestParam(defaultValue = "") String password,
                         @RequestParam(defaultValue = "") String confirmation, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        if (!password.equals(confirmation)) {
            model.addAttribute("error", "The two passwords differ.");
            return page(null, token, model, response);
        }
        try {
            User user = invitations.acceptAsNewUser(token, password);
            redirect.addFlashAttribute("notice", "Your account " + user.email() + " is ready. Sign in to continue.");
            return "redirect:/login";
        } catch (AccountRuleException refused) {
            model.addAttribute("error", refused.getMessage());
            return page(null, token, model, response);
        }
    }

    @PostMapping("/invitations/{token}/join")
    String accept(Principal principal, @PathVariable String token, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            Organization organization = invitations.accept(token, access.user(principal));
            redirect.addFlashAttribute("notice", "Welcome to " + organization.name() + ".");
            return "redirect:/organizations/" + organization.slug() + "/";
        } catch (AccountRuleException refused) {
            model.addAttribute("error", refused.getMessage());
            return page(principal, token, model, response);
        }
    }

    private String page(Principal principal, String token, Model model, HttpServletResponse response) {
        Invitations.Open open;
        try {
            open = invitations.open(token);
        } catch (AccountRuleException unusable) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("reason", unusable.getMessage());
            return "accounts/invitation-unusable";
        }
        model.addAttribute("invitation", open.invitation());
        model.addAttribute("invitedTo", open.organization());
        model.addAttribute("token", token);
        model.addAttribute("signedIn", principal != null);
        model.addAttribute("hasAccount", principal == null
                && users.findByEmail(open.invitation().email()).isPresent());
        model.addAttribute("minPasswordLength", Users.MIN_PASSWORD_LENGTH);
        return "accounts/invitation";
    }
}
