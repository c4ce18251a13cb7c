package dev.picket.accounts;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's organizations: the list, creating one, and one organization's overview and name. */
@Controller
class OrganizationPagesController {

    private final AccountPageAccess access;
    private final Memberships memberships;
    private final Organizations organizations;
    private final Teams teams;

    OrganizationPagesController(AccountPageAccess access, Memberships memberships, Organizations organizations,
                                Teams teams) {
        this.access = access;
        this.memberships = memberships;
        this.organizations = organizations;
        this.teams = teams;
    }

    @GetMapping("/organizations/")
    String list(Principal principal, Model model) {
        model.addAttribute("memberships", memberships.listFor(access.user(principal)));
        return "accounts/organizations";
    }

    @PostMapping("/organizations/")
    String create(Principal principal, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        try {
            Organization organization = organizations.createOwnedBy(access.user(principal), name);
            redirect.addFlashAttribute("notice", "Organization created. You are its owner.");
            return "redirect:/organizations/" + organization.slug() + "/";
        } catch (AccountRuleException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/organizations/";
        }
    }

    @GetMapping("/organizations/{organizationSlug}/")
    String overview(Principal principal, @PathVariable String organizationSlug, Model model) {
        Membership membership = access.membership(principal, organizationSlug);
        model.addAttribute("membership", membership);
        model.addAttribute("organization", membership.organization());
        model.addAttribute("teams", teams.list(membership.organization()));
        return "accounts/organization";
    }

    @PostMapping("/organizations/{organizationSlug}/name")
    String rename(Principal principal, @PathVariable String organizationSlug,
                  @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        Membership membership = access.membership(principal, organizationSlug);
        return Flash.outcome(redirect, "/organizations/{organizationSlug}/",
                () -> organizations.rename(membership, name), "Organization renamed.");
    }
}
