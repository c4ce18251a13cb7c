package dev.picket.alerts;

import dev.picket.issues.Issue;
import dev.picket.issues.Issues;
import dev.picket.projects.ProjectAccess.MemberProject;
import dev.picket.web.PageAccess;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A project's alert rules and alert history, as pages. Members of the project's organization see
 * them; its owners and admins create, change and delete rules (the roles that manage the organization). What belongs
 * to an organization the user is not a member of is "not found", like what does not exist.
 */
@Controller
class AlertPagesController {

    private static final String ALERTS = "/projects/{organizationSlug}/{projectSlug}/alerts/";
    private static final int HISTORY_SIZE = 100;

    private final PageAccess access;
    private final AlertRules rules;
    private final AlertHistory history;
    private final AlertRuleJson ruleJson;
    private final Issues issues;
    private final JsonMapper json;

    AlertPagesController(PageAccess access, AlertRules rules, AlertHistory history, AlertRuleJson ruleJson,
                         Issues issues, JsonMapper json) {
        this.access = access;
        this.rules = rules;
        this.history = history;
        this.ruleJson = ruleJson;
        this.issues = issues;
        this.json = json;
    }

    /** An alert that fired, with its issue as the pages name it (null when the issue is gone). */
    record FiredRow(AlertHistory.Fired fired, Issue issue, String shortId) {
    }

    @GetMapping(ALERTS)
    String list(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                Model model) {
        Scope scope = scope(principal, organizationSlug, projectSlug);
        scope.addTo(model);
        model.addAttribute("rules", rules.list(scope.project().project().id()).stream()
                .map(AlertRuleSummary::of).toList());
        return "alerts/rules";
    }

    @GetMapping(ALERTS + "new")
    String newRule(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                   Model model) {
        Scope scope = editing(principal, organizationSlug, projectSlug);
        return form(scope, null, AlertRuleForm.empty(), Map.of(), model);
    }

    @PostMapping(ALERTS)
    String create(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                  @ModelAttribute AlertRuleForm form, Model model, HttpServletResponse response) {
        Scope scope = editing(principal, organizationSlug, projectSlug);
        try {
            rules.create(scope.project().project().id(), ruleJson.read(form.toJson(json)));
        } catch (InvalidAlertRuleException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(scope, null, form, errorOf(e), model);
        }
        return "redirect:" + scope.alertsPath();
    }

    @GetMapping(ALERTS + "{ruleId}/")
    String editRule(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                    @PathVariable long ruleId, Model model) {
        Scope scope = editing(principal, organizationSlug, projectSlug);
        AlertRule rule = rule(scope, ruleId);
        return form(scope, rule, AlertRuleForm.of(rule), Map.of(), model);
    }

    @PostMapping(ALERTS + "{ruleId}/")
    String replace(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                   @PathVariable long ruleId, @ModelAttribute AlertRuleForm form, Model model,
                   HttpServletResponse response) {
        Scope scope = editing(principal, organizationSlug, projectSlug);
        AlertRule rule = rule(scope, ruleId);
        try {
            rules.replace(rule.projectId(), ruleId, ruleJson.read(form.toJson(json)))
                    .orElseThrow(PageAccess::notFound);
        } catch (InvalidAlertRuleException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(scope, rule, form, errorOf(e), model);
        }
        return "redirect:" + scope.alertsPath();
    }

    @PostMapping(ALERTS + "{ruleId}/delete")
    String delete(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                  @PathVariable long ruleId) {
        Scope scope = editing(principal, organizationSlug, projectSlug);
        if (!rules.delete(scope.project().project().id(), ruleId)) {
            throw PageAccess.notFound();
        }
        return "redirect:" + scope.alertsPath();
    }

    @GetMapping(ALERTS + "history/")
    String history(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                   Model model) {
        Scope scope = scope(principal, organizationSlug, projectSlug);
        scope.addTo(model);
        Map<Long, Optional<Issue>> issuesById = new HashMap<>();
        String projectSlugOf = scope.project().project().slug();
        List<FiredRow> rows = history.list(scope.project().project().id(), HISTORY_SIZE).stream()
                .map(fired -> {
                    Optional<Issue> issue = issuesById.computeIfAbsent(fired.issueId(), issues::find)
                            .filter(found -> found.projectId() == scope.project().project().id());
                    return new FiredRow(fired, issue.orElse(null),
                            issue.map(found -> found.qualifiedShortId(projectSlugOf)).orElse(null));
                })
                .toList();
        model.addAttribute("fired", rows);
        return "alerts/history";
    }

    private String form(Scope scope, AlertRule rule, AlertRuleForm form, Map<String, String> errors, Model model) {
        scope.addTo(model);
        // Set here, not in the template: fragment arguments may not hold the word "new".
        model.addAttribute("title", rule == null ? "New alert rule" : "Alert rule: " + rule.name());
        model.addAttribute("rule", rule);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "alerts/rule-form";
    }

    private static Map<String, String> errorOf(InvalidAlertRuleException e) {
        return Map.of(AlertRuleForm.inputOf(e.field()), e.detail());
    }

    private AlertRule rule(Scope scope, long ruleId) {
        return rules.find(scope.project().project().id(), ruleId).orElseThrow(PageAccess::notFound);
    }

    /** What the user may see. */
    private Scope scope(Principal principal, String organizationSlug, String projectSlug) {
        MemberProject project = access.project(principal, organizationSlug, projectSlug);
        // Owners and admins change rules; other members see them and the history.
        return new Scope(project, access.administers(principal, project.organization()));
    }

    /** What the user may change: a member who is not an owner or admin is refused. */
    private Scope editing(Principal principal, String organizationSlug, String projectSlug) {
        Scope scope = scope(principal, organizationSlug, projectSlug);
        if (!scope.mayEdit()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only the organization's owners and admins change alert rules");
        }
        return scope;
    }

    private record Scope(MemberProject project, boolean mayEdit) {

        String alertsPath() {
            return "/projects/" + project.organization().slug() + "/" + project.project().slug() + "/alerts/";
        }

        void addTo(Model model) {
            model.addAttribute("organization", project.organization());
            model.addAttribute("project", project.project());
            model.addAttribute("mayEdit", mayEdit);
        }
    }
}
