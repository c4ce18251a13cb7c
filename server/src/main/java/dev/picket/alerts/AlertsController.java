package dev.picket.alerts;

import dev.picket.accounts.ApiUser;
import dev.picket.accounts.Organizations;
import dev.picket.api.ApiController;
import dev.picket.api.ApiException;
import dev.picket.projects.Project;
import dev.picket.projects.Projects;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A project's alert rules and alert history ({@code alerts:read}, {@code alerts:write}). */
@ApiController
class AlertsController {

    private static final String PROJECT = "/api/0/projects/{organizationSlug}/{projectSlug}/";
    private static final int MAX_HISTORY = 100;

    private final Organizations organizations;
    private final Projects projects;
    private final AlertRules rules;
    private final AlertHistory history;
    private final AlertRuleJson json;

    AlertsController(Organizations organizations, Projects projects, AlertRules rules, AlertHistory history,
                     AlertRuleJson json) {
        this.organizations = organizations;
        this.projects = projects;
        this.rules = rules;
        this.history = history;
        this.json = json;
    }

    @GetMapping(PROJECT + "alert-rules/")
    List<ObjectNode> list(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                          @PathVariable String projectSlug) {
        return rules.list(project(user, organizationSlug, projectSlug).id()).stream().map(json::write).toList();
    }

    @PostMapping(PROJECT + "alert-rules/")
    ResponseEntity<ObjectNode> create(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                                      @PathVariable String projectSlug, @RequestBody(required = false) JsonNode body) {
        Project project = project(user, organizationSlug, projectSlug);
        AlertRule rule = rules.create(project.id(), json.read(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(json.write(rule));
    }

    @GetMapping(PROJECT + "alert-rules/{ruleId}/")
    ObjectNode get(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                   @PathVariable String projectSlug, @PathVariable long ruleId) {
        Project project = project(user, organizationSlug, projectSlug);
        return json.write(rules.find(project.id(), ruleId).orElseThrow(ApiException::notFound));
    }

    @PutMapping(PROJECT + "alert-rules/{ruleId}/")
    ObjectNode replace(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                       @PathVariable String projectSlug, @PathVariable long ruleId,
                       @RequestBody(required = false) JsonNode body) {
        Project project = project(user, organizationSlug, projectSlug);
        rules.find(project.id(), ruleId).orElseThrow(ApiException::notFound);
        return json.write(rules.replace(project.id(), ruleId, json.read(body)).orElseThrow(ApiException::notFound));
    }

    @DeleteMapping(PROJECT + "alert-rules/{ruleId}/")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                                @PathVariable String projectSlug, @PathVariable long ruleId) {
        Project project = project(user, organizationSlug, projectSlug);
        if (!rules.delete(project.id(), ruleId)) {
            throw ApiException.notFound();
        }
        return ResponseEntity.noContent().build();
    }

    /** The latest alerts that fired, newest first, with what was sent to which target and how it went. */
    @GetMapping(PROJECT + "alert-history/")
    List<AlertHistory.Fired> history(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                                     @PathVariable String projectSlug,
                                     @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_HISTORY) {
            throw ApiException.badRequest("'limit' must be from 1 to " + MAX_HISTORY);
        }
        return history.list(project(user, organizationSlug, projectSlug).id(), limit);
    }

    /** What the user may not see is "not found", exactly like what does not exist. */
    private Project project(ApiUser user, String organizationSlug, String projectSlug) {
        return organizations.findForMember(user.userId(), organizationSlug)
                .flatMap(organization -> projects.findBySlug(organization.id(), projectSlug))
                .orElseThrow(ApiException::notFound);
    }
}
