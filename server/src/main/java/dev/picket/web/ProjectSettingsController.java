package dev.picket.web;

import dev.picket.accounts.AccountPageAccess;
import dev.picket.accounts.AccountRuleException;
import dev.picket.accounts.Teams;
import dev.picket.api.ApiException;
import dev.picket.pipeline.ScrubbingSettings;
import dev.picket.processing.scrub.ScrubbingConfig;
import dev.picket.projects.DsnKey;
import dev.picket.projects.Project;
import dev.picket.projects.ProjectAccess.MemberProject;
import dev.picket.projects.ProjectKeys;
import dev.picket.projects.Projects;
import dev.picket.projects.RateLimit;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The forms of a project's page that change it: name, team and default environment, data scrubbing, DSN
 * keys. Owners and admins only; each goes back to the project page with what happened.
 */
@Controller
class ProjectSettingsController {

    private static final String PROJECT = "/projects/{organizationSlug}/{projectSlug}/";

    private final PageAccess access;
    private final Projects projects;
    private final ProjectKeys keys;
    private final ScrubbingSettings scrubbing;
    private final AccountPageAccess accounts;
    private final Teams teams;

    ProjectSettingsController(PageAccess access, Projects projects, ProjectKeys keys, ScrubbingSettings scrubbing,
                              AccountPageAccess accounts, Teams teams) {
        this.access = access;
        this.projects = projects;
        this.keys = keys;
        this.scrubbing = scrubbing;
        this.accounts = accounts;
        this.teams = teams;
    }

    @PostMapping(PROJECT + "settings/general/")
    String general(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                   @RequestParam String name, @RequestParam(defaultValue = "") String defaultEnvironment,
                   @RequestParam(defaultValue = "") String team, RedirectAttributes redirect) {
        Project project = administered(principal, organizationSlug, projectSlug);
        return applied(redirect, organizationSlug, projectSlug, "general", "Saved.", () -> {
            if (!team.isBlank()) {
                moveToTeam(principal, organizationSlug, project, team);
            }
            projects.setDefaultEnvironment(projects.rename(project, name), defaultEnvironment);
        });
    }

    private void moveToTeam(Principal principal, String organizationSlug, Project project, String team) {
        try {
            teams.moveProject(accounts.membership(principal, organizationSlug), project.id(), team);
        } catch (AccountRuleException refused) {
            throw ApiException.badRequest(refused.getMessage());
        }
    }

    /** The fields of the REST API's project update, one entry a line in the text areas. */
    @PostMapping(PROJECT + "settings/scrubbing/")
    String scrubbing(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                     @RequestParam(defaultValue = "false") boolean dataScrubber,
                     @RequestParam(defaultValue = "false") boolean dataScrubberDefaults,
                     @RequestParam(defaultValue = "false") boolean scrubIPAddresses,
                     @RequestParam(defaultValue = "false") boolean scrubEmails,
                     @RequestParam(defaultValue = "") String sensitiveFields,
                     @RequestParam(defaultValue = "") String safeFields,
                     @RequestParam(defaultValue = "") String customScrubPatterns, RedirectAttributes redirect) {
        Project project = administered(principal, organizationSlug, projectSlug);
        return applied(redirect, organizationSlug, projectSlug, "scrubbing",
                "Saved: the next event is scrubbed with these settings.", () -> {
                    try {
                        scrubbing.update(project.id(), new ScrubbingConfig(dataScrubber, dataScrubberDefaults,
                                scrubIPAddresses, scrubEmails, lines(sensitiveFields), lines(safeFields),
                                lines(customScrubPatterns)));
                    } catch (IllegalArgumentException e) {
                        throw ApiException.badRequest(e.getMessage());
                    }
                });
    }

    @PostMapping(PROJECT + "keys/")
    String createKey(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                     @RequestParam(defaultValue = "") String label, RedirectAttributes redirect) {
        Project project = administered(principal, organizationSlug, projectSlug);
        return applied(redirect, organizationSlug, projectSlug, "keys", "Key created.",
                () -> keys.create(project, label.isBlank() ? null : label));
    }

    /** Disables or enables a key: a disabled key's events are refused until it is enabled again. */
    @PostMapping(PROJECT + "keys/{keyId}/state/")
    String keyState(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                    @PathVariable String keyId, @RequestParam boolean active, RedirectAttributes redirect) {
        DsnKey key = key(principal, organizationSlug, projectSlug, keyId);
        return applied(redirect, organizationSlug, projectSlug, "keys", active ? "Key enabled." : "Key disabled.",
                () -> keys.update(key, key.label(), active, key.rateLimit()));
    }

    /** Both fields empty remove the key's limit. */
    @PostMapping(PROJECT + "keys/{keyId}/rate-limit/")
    String keyRateLimit(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                        @PathVariable String keyId, @RequestParam(defaultValue = "") String count,
                        @RequestParam(defaultValue = "") String window, RedirectAttributes redirect) {
        DsnKey key = key(principal, organizationSlug, projectSlug, keyId);
        return applied(redirect, organizationSlug, projectSlug, "keys", "Rate limit saved.", () -> {
            RateLimit limit = count.isBlank() && window.isBlank() ? null
                    : new RateLimit(whole(count, "count"), whole(window, "window"));
            keys.update(key, key.label(), key.active(), limit);
        });
    }

    @PostMapping(PROJECT + "keys/{keyId}/delete/")
    String deleteKey(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                     @PathVariable String keyId, RedirectAttributes redirect) {
        DsnKey key = key(principal, organizationSlug, projectSlug, keyId);
        return applied(redirect, organizationSlug, projectSlug, "keys", "Key deleted.", () -> keys.delete(key));
    }

    private Project administered(Principal principal, String organizationSlug, String projectSlug) {
        MemberProject scope = access.project(principal, organizationSlug, projectSlug);
        access.requireAdministrator(principal, scope.organization());
        return scope.project();
    }

    private DsnKey key(Principal principal, String organizationSlug, String projectSlug, String keyId) {
        return keys.find(administered(principal, organizationSlug, projectSlug), keyId)
                .orElseThrow(PageAccess::notFound);
    }

    /**
     * Runs a change and goes back to the section of the project page it came from, with a notice
     * or the reason the change was refused (the same reasons the REST API gives).
     */
    private static String applied(RedirectAttributes redirect, String organizationSlug, String projectSlug,
                                  String section, String notice, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.detail());
        }
        redirect.addFlashAttribute("section", section);
        return "redirect:" + UriComponentsBuilder.fromPath(PROJECT).fragment(section)
                .buildAndExpand(organizationSlug, projectSlug).encode().toUriString();
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static int whole(String value, String field) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("The rate limit's " + field + " must be a whole number.");
        }
    }
}
