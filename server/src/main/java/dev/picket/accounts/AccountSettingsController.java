package dev.picket.accounts;

import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's account: changing their password, which signs out their other browsers. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)  // as the sessions it ends
class AccountSettingsController {

    private static final String ACCOUNT_PAGE = "/settings/account/";

    private final AccountPageAccess access;
    private final Users users;
    private final UserSessions sessions;

    AccountSettingsController(AccountPageAccess access, Users users, UserSessions sessions) {
        this.access = access;
        this.users = users;
        this.sessions = sessions;
    }

    @GetMapping(ACCOUNT_PAGE)
    String account(Principal principal, Model model) {
        model.addAttribute("user", access.user(principal));
        model.addAttribute("minPasswordLength", Users.MIN_PASSWORD_LENGTH);
        return "accounts/account";
    }

    @PostMapping(ACCOUNT_PAGE + "password")
    String changePassword(Principal principal, @RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword,
                          @RequestParam(defaultValue = "") String confirmation, HttpSession session,
                          RedirectAttributes redirect) {
        User user = access.user(principal);
        if (!newPassword.equals(confirmation)) {
            redirect.addFlashAttribute("error", "The two new passwords differ.");
            return "redirect:" + ACCOUNT_PAGE;
        }
        return Flash.outcome(redirect, ACCOUNT_PAGE, () -> {
            users.changePassword(user, currentPassword, newPassword);
            sessions.signOutOthers(user.email(), session);
        }, "Password changed. Your other browsers are signed out.");
    }
}
