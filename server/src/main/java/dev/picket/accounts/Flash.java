package dev.picket.accounts;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The accounts pages' forms post, then redirect back to the page (so reloading does not post
 * again) with a notice of what was done or the reason it was refused.
 */
final class Flash {

    private Flash() {
    }

    static String outcome(RedirectAttributes redirect, String target, Runnable action, String notice) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (AccountRuleException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + target;
    }
}
