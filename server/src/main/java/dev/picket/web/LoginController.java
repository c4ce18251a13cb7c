package dev.picket.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security's form login takes the POST. Before there is any administrator, setup. */
@Controller
class LoginController {

    private final FirstRunSetup setup;

    LoginController(FirstRunSetup setup) {
        this.setup = setup;
    }

    @GetMapping("/login")
    String login() {
        return setup.isOpen() ? "redirect:/setup" : "login";
    }
}
