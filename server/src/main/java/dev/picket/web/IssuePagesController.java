package dev.picket.web;

import dev.picket.issues.IgnoreRule;
import dev.picket.issues.IssuePage;
import dev.picket.issues.IssueQuery;
import dev.picket.issues.IssueSort;
import dev.picket.issues.Issues;
import dev.picket.issues.StatusChange;
import dev.picket.issues.api.IssueSearch;
import dev.picket.projects.ProjectAccess.MemberProject;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** A project's issues (search, sort, pages), one issue with its latest event, and its status actions. */
@Controller
class IssuePagesController {

    static final String DEFAULT_SEARCH = "is:unresolved";
    private static final int PAGE_SIZE = 25;
    private static final int TOP_TAG_VALUES = 5;

    private final PageAccess access;
    private final Issues issues;
    private final EventViews eventViews;

    IssuePagesController(PageAccess access, Issues issues, EventViews eventViews) {
        this.access = access;
        this.issues = issues;
        this.eventViews = eventViews;
    }

    @GetMapping("/projects/{organizationSlug}/{projectSlug}/issues/")
    String list(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                @RequestParam(required = false) String query, @RequestParam(defaultValue = "date") String sort,
                @RequestParam(required = false) String cursor, Model model) {
        MemberProject scope = access.project(principal, organizationSlug, projectSlug);
        String search = query == null ? DEFAULT_SEARCH : query;
        IssueSort order = sort(sort);
        model.addAttribute("organization", scope.organization());
        model.addAttribute("project", scope.project());
        model.addAttribute("query", search);
        model.addAttribute("sort", order.name().toLowerCase(Locale.ROOT));
        model.addAttribute("cursor", cursor);
        try {
            IssueQuery issueQuery = IssueSearch.apply(search, IssueQuery.all(scope.project().id())
                    .withSort(order).withCursor(cursor == null || cursor.isBlank() ? null : cursor)
                    .withLimit(PAGE_SIZE));
            model.addAttribute("page", issues.list(issueQuery));
        } catch (IllegalArgumentException e) {
            model.addAttribute("searchError", e.getMessage());
            model.addAttribute("page", new IssuePage(List.of(), null));
        }
        return "issues";
    }

    @GetMapping("/issues/{issueId}/")
    String issue(Principal principal, @PathVariable long issueId, Model model) {
        PageAccess.IssueScope scope = access.issue(principal, issueId);
        model.addAttribute("organization", scope.organization());
        model.addAttribute("project", scope.project());
        model.addAttribute("issue", scope.issue());
        model.addAttribute("chart", FrequencyChart.of(issues.hourlyCounts(issueId)));
        model.addAttribute("tags", issues.tags(issueId, TOP_TAG_VALUES));
        model.addAttribute("event", issues.latestEvent(issueId).map(stored -> eventViews.of(stored.json()))
                .orElse(null));
        return "issue";
    }

    /**
     * Sentry's issue permalink, which the API's {@code permalink} and alert notifications carry, leads
     * to the issue's page.
     */
    @GetMapping("/organizations/{organizationSlug}/issues/{issueId}/")
    String permalink(Principal principal, @PathVariable String organizationSlug, @PathVariable long issueId) {
        PageAccess.IssueScope scope = access.issue(principal, issueId);
        if (!scope.organization().slug().equals(organizationSlug)) {
            throw PageAccess.notFound();
        }
        return "redirect:/issues/" + issueId + "/";
    }

    @GetMapping("/issues/{issueId}/events/latest/json/")
    String latestEventJson(Principal principal, @PathVariable long issueId, Model model) {
        PageAccess.IssueScope scope = access.issue(principal, issueId);
        model.addAttribute("project", scope.project());
        model.addAttribute("organization", scope.organization());
        model.addAttribute("issue", scope.issue());
        model.addAttribute("event", issues.latestEvent(issueId).map(stored -> eventViews.of(stored.json()))
                .orElseThrow(PageAccess::notFound));
        return "event-json";
    }

    /** {@code action} resolve, ignore (until it is reopened) or reopen. */
    @PostMapping("/issues/{issueId}/status")
    String changeStatus(Principal principal, @PathVariable long issueId, @RequestParam String action) {
        access.issue(principal, issueId);
        StatusChange change = switch (action) {
            case "resolve" -> StatusChange.resolved();
            case "ignore" -> StatusChange.ignored(IgnoreRule.forever());
            case "reopen" -> StatusChange.unresolved();
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "action must be resolve, ignore or reopen");
        };
        issues.setStatus(issueId, change);
        return "redirect:/issues/" + issueId + "/";
    }

    private static IssueSort sort(String sort) {
        return switch (sort) {
            case "new" -> IssueSort.NEW;
            case "freq" -> IssueSort.FREQ;
            case "user" -> IssueSort.USER;
            default -> IssueSort.DATE;
        };
    }
}
