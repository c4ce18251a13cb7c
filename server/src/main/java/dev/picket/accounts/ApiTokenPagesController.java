package dev.picket.accounts;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's API tokens: listed by what describes them, created with chosen scopes (shown once), revoked. */
@Controller
class ApiTokenPagesController {

    private static final String TOKENS_PAGE = "/settings/account/api/auth-tokens/";

    private final AccountPageAccess access;
    private final ApiTokens tokens;

    ApiTokenPagesController(AccountPageAccess access, ApiTokens tokens) {
        this.access = access;
        this.tokens = tokens;
    }

    @GetMapping(TOKENS_PAGE)
    String list(Principal principal, Model model) {
        model.addAttribute("tokens", tokens.listFor(access.user(principal)));
        model.addAttribute("scopes", new TreeSet<>(Scopes.ALL));
        return "accounts/api-tokens";
    }

    @PostMapping(TOKENS_PAGE)
    String create(Principal principal, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") List<String> scopes, RedirectAttributes redirect) {
        try {
            String token = tokens.create(access.user(principal), name, Set.copyOf(scopes));
            redirect.addFlashAttribute("notice", "Token created. Copy it now: it is not shown again.");
            redirect.addFlashAttribute("newToken", token);
        } catch (AccountRuleException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + TOKENS_PAGE;
    }

    @PostMapping(TOKENS_PAGE + "{tokenId}/revoke")
    String revoke(Principal principal, @PathVariable long tokenId, RedirectAttributes redirect) {
        // Another user's token is not found, as if it did not exist.
        if (!tokens.revoke(access.user(principal), tokenId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("notice", "Token revoked: requests with it are refused from now on.");
        return "redirect:" + TOKENS_PAGE;
    }
}
