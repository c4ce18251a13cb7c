package dev.picket.alerts;

import dev.picket.BaseUrl;
import dev.picket.accounts.Organization;
import dev.picket.accounts.Organizations;
import dev.picket.issues.Issue;
import dev.picket.issues.Issues;
import dev.picket.issues.Occurrence;
import dev.picket.projects.Project;
import dev.picket.projects.Projects;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Gathers what an alert tells about its issue, and writes it for each kind of target. */
@Component
class AlertNotifications {

    private final Issues issues;
    private final Projects projects;
    private final Organizations organizations;
    private final BaseUrl baseUrl;
    private final NotificationText text;

    AlertNotifications(Issues issues, Projects projects, Organizations organizations, BaseUrl baseUrl,
                       JsonMapper json) {
        this.issues = issues;
        this.projects = projects;
        this.organizations = organizations;
        this.baseUrl = baseUrl;
        this.text = new NotificationText(json);
    }

    /**
     * @param latest the latest event that made the rule fire: its environment and release are told
     * @return empty when the issue or its project was deleted meanwhile
     */
    Optional<Notification> of(AlertRule rule, long issueId, String reason, Occurrence latest, long firedAt) {
        Optional<Issue> found = issues.find(issueId);
        Optional<Project> project = found.flatMap(issue -> projects.findById(issue.projectId()));
        Optional<Organization> organization = project.flatMap(p -> organizations.findById(p.organizationId()));
        if (organization.isEmpty()) {
            return Optional.empty();
        }
        Issue issue = found.get();
        String org = organization.get().slug();
        return Optional.of(new Notification(rule.id(), rule.name(), rule.condition().id(), reason, issue.id(),
                issue.qualifiedShortId(project.get().slug()), issue.title(), issue.culprit(), issue.level(), org,
                project.get().slug(), latest.environment(),
                latest.release(), issue.timesSeen(), issue.userCount(), issue.firstSeen(),
                Instant.ofEpochMilli(firedAt),
                baseUrl.get() + "/organizations/" + org + "/issues/" + issue.id() + "/"));
    }

    String subject(Notification notification) {
        return text.subject(notification);
    }

    String payload(AlertAction action, Notification notification) {
        return switch (action) {
            case AlertAction.Email ignored -> text.email(notification);
            case AlertAction.Webhook ignored -> text.webhook(notification);
            case AlertAction.Slack ignored -> text.slack(notification);
        };
    }
}
