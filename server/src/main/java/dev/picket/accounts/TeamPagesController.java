package dev.picket.accounts;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An organization's teams: every member sees them; owners and admins create, rename and delete them. */
@Controller
class TeamPagesController {

    private static final String TEAMS_PAGE = "/organizations/{organizationSlug}/teams/";

    private final AccountPageAccess access;
    private final Teams teams;

    TeamPagesController(AccountPageAccess access, Teams teams) {
        this.access = access;
        this.teams = teams;
    }

    @GetMapping(TEAMS_PAGE)
    String list(Principal principal, @PathVariable String organizationSlug, Model model) {
        Membership membership = access.membership(principal, organizationSlug);
        model.addAttribute("membership", membership);
        model.addAttribute("organization", membership.organization());
        model.addAttribute("teams", teams.list(membership.organization()));
        return "accounts/teams";
    }

    @PostMapping(TEAMS_PAGE)
    String create(Principal principal, @PathVariable String organizationSlug,
                  @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        Membership membership = access.membership(principal, organizationSlug);
        return Flash.outcome(redirect, TEAMS_PAGE, () -> teams.create(membership, name), "Team created.");
    }

    @PostMapping(TEAMS_PAGE + "{teamSlug}/name")
    String rename(Principal principal, @PathVariable String organizationSlug, @PathVariable String teamSlug,
                  @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        Membership membership = access.membership(principal, organizationSlug);
        return Flash.outcome(redirect, TEAMS_PAGE, () -> teams.rename(membership, teamSlug, name), "Team renamed.");
    }

    @PostMapping(TEAMS_PAGE + "{teamSlug}/delete")
    String delete(Principal principal, @PathVariable String organizationSlug, @PathVariable String teamSlug,
                  RedirectAttributes redirect) {
        Membership membership = access.membership(principal, organizationSlug);
        return Flash.outcome(redirect, TEAMS_PAGE, () -> teams.delete(membership, teamSlug), "Team deleted.");
    }
}
