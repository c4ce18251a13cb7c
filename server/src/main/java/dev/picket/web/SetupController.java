package dev.picket.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The first-run page: creates the first administrator, then is gone (404) for good. */
@Controller
class SetupController {

    private final FirstRunSetup setup;

    SetupController(FirstRunSetup setup) {
        this.setup = setup;
    }

    @GetMapping("/setup")
    String form() {
        requireOpen();
        return "setup";
    }

    @PostMapping("/setup")
    String create(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String confirmation, Model model, RedirectAttributes redirect) {
        requireOpen();
        model.addAttribute("email", email);
        if (!password.equals(confirmation)) {
            model.addAttribute("error", "The two passwords differ.");
            return "setup";
        }
        try {
            setup.createAdministrator(email, password);
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            return "setup";
        } catch (FirstRunSetup.SetupClosedException e) {
            return "redirect:/login";
        }
        redirect.addFlashAttribute("notice", "Administrator created. Sign in with your e-mail and password.");
        return "redirect:/login";
    }

    private void requireOpen() {
        if (!setup.isOpen()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
