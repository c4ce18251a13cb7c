package dev.picket.web;

import dev.picket.issues.Issue;
import dev.picket.issues.IgnoreRule;
import dev.picket.issues.IssuePage;
import dev.picket.issues.IssueQuery;
import dev.picket.issues.IssueSort;
import dev.picket.issues.Issues;
import dev.picket.issues.StatusChange;
import dev.picket.issues.api.IssueSearch;
import dev.picket.projects.Project;
import dev.picket.projects.ProjectAccess.MemberProject;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A project's issues: search with filter selects, sort, pages, a chart of the last day per issue,
 * bulk resolve or ignore, and the count of issues new since the page was drawn, which
 * {@code /js/new-issues.js} asks for now and then.
 */
@Controller
class IssueListController {

    static final String UNRESOLVED = "is:unresolved";
    private static final int PAGE_SIZE = 25;
    private static final int FILTER_CHOICES = 50;
    private static final List<String> STATUSES = List.of("unresolved", "resolved", "ignored");
    private static final List<String> LEVELS = List.of("fatal", "error", "warning", "info", "debug");

    private final PageAccess access;
    private final Issues issues;
    private final int pollSeconds;
    private final Clock clock = Clock.systemUTC();

    IssueListController(PageAccess access, Issues issues,
                        @Value("${picket.web.new-issues-poll-seconds}") int pollSeconds) {
        this.access = access;
        this.issues = issues;
        this.pollSeconds = pollSeconds;
    }

    record FilterSelect(String name, String label, String selected, List<String> options) {
    }

    /**
     * The list. Filter selects ({@code status}, {@code level}, {@code environment}, {@code release})
     * are written into the search and the browser is sent to the list with that search alone.
     */
    @GetMapping("/projects/{organizationSlug}/{projectSlug}/issues/")
    String list(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                @RequestParam(required = false) String query, @RequestParam(defaultValue = "date") String sort,
                @RequestParam(required = false) String cursor, @RequestParam Map<String, String> params, Model model) {
        MemberProject scope = access.project(principal, organizationSlug, projectSlug);
        String search = query == null ? defaultSearch(scope.project()) : query;
        model.addAttribute("organization", scope.organization());
        model.addAttribute("project", scope.project());
        try {
            String composed = composed(search, params);
            if (!composed.equals(search)) {
                return "redirect:" + UriComponentsBuilder.fromPath("/projects/{org}/{project}/issues/")
                        .queryParam("query", composed).queryParam("sort", sort)
                        .buildAndExpand(organizationSlug, projectSlug).encode().toUriString();
            }
        } catch (IllegalArgumentException e) {
            model.addAttribute("searchError", e.getMessage());
        }
        IssueSort order = sort(sort);
        model.addAttribute("query", search);
        model.addAttribute("sort", order.name().toLowerCase(Locale.ROOT));
        model.addAttribute("cursor", cursor);
        model.addAttribute("filters", filterSelects(scope.project(), search));
        model.addAttribute("since", clock.millis());
        model.addAttribute("pollSeconds", pollSeconds);
        IssuePage page = new IssuePage(List.of(), null);
        try {
            page = issues.list(IssueSearch.apply(search, IssueQuery.all(scope.project().id())
                    .withSort(order).withCursor(cursor == null || cursor.isBlank() ? null : cursor)
                    .withLimit(PAGE_SIZE)));
        } catch (IllegalArgumentException e) {
            model.addAttribute("searchError", e.getMessage());
        }
        model.addAttribute("page", page);
        Map<Long, FrequencyChart> charts = new LinkedHashMap<>();
        issues.hourlyCounts(page.issues().stream().map(Issue::id).toList())
                .forEach((id, buckets) -> charts.put(id, FrequencyChart.of(buckets)));
        model.addAttribute("charts", charts);
        return "issues";
    }

    /** How many issues matching {@code query} were first seen at or after {@code since} (epoch ms). */
    @GetMapping("/projects/{organizationSlug}/{projectSlug}/issues/new-since/")
    String newSince(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                    @RequestParam(defaultValue = "") String query, @RequestParam(defaultValue = "date") String sort,
                    @RequestParam long since, Model model) {
        MemberProject scope = access.project(principal, organizationSlug, projectSlug);
        int count = 0;
        boolean more = false;
        try {
            IssuePage page = issues.list(IssueSearch.apply(query, IssueQuery.all(scope.project().id()))
                    .withFirstSeen(Instant.ofEpochMilli(since), null).withLimit(IssueQuery.MAX_LIMIT));
            count = page.issues().size();
            more = page.nextCursor() != null;
        } catch (IllegalArgumentException e) {
            // The page itself shows what is wrong with the search; the notice just stays empty.
        }
        model.addAttribute("organization", scope.organization());
        model.addAttribute("project", scope.project());
        model.addAttribute("query", query);
        model.addAttribute("sort", sort);
        model.addAttribute("count", count);
        model.addAttribute("more", more);
        return "issues-new :: notice";
    }

    /** Resolves or ignores (forever) the checked issues of the project; others' issue ids are refused. */
    @PostMapping("/projects/{organizationSlug}/{projectSlug}/issues/bulk/")
    String bulk(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                @RequestParam String action, @RequestParam(name = "issue", required = false) List<Long> issueIds,
                @RequestParam(defaultValue = "") String query, @RequestParam(defaultValue = "date") String sort) {
        MemberProject scope = access.project(principal, organizationSlug, projectSlug);
        StatusChange change = switch (action) {
            case "resolve" -> StatusChange.resolved();
            case "ignore" -> StatusChange.ignored(IgnoreRule.forever());
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "action must be resolve or ignore");
        };
        List<Long> ids = issueIds == null ? List.of() : issueIds;
        for (long id : ids) {
            if (issues.find(scope.project().id(), id).isEmpty()) {
                throw PageAccess.notFound();
            }
        }
        ids.forEach(id -> issues.setStatus(id, change));
        return "redirect:" + UriComponentsBuilder.fromPath("/projects/{org}/{project}/issues/")
                .queryParam("query", query).queryParam("sort", sort)
                .buildAndExpand(organizationSlug, projectSlug).encode().toUriString();
    }

    private static String defaultSearch(Project project) {
        return project.defaultEnvironment() == null ? UNRESOLVED
                : SearchFilters.with(UNRESOLVED, SearchFilters.Filter.ENVIRONMENT, project.defaultEnvironment());
    }

    private static String composed(String search, Map<String, String> params) {
        String result = search;
        for (SearchFilters.Filter filter : SearchFilters.Filter.values()) {
            String value = params.get(filter.name().toLowerCase(Locale.ROOT));
            if (value != null) {
                result = SearchFilters.with(result, filter, value);
            }
        }
        return result;
    }

    private List<FilterSelect> filterSelects(Project project, String search) {
        return List.of(
                select(SearchFilters.Filter.STATUS, "Status", search, STATUSES),
                select(SearchFilters.Filter.LEVEL, "Level", search, LEVELS),
                select(SearchFilters.Filter.ENVIRONMENT, "Environment", search,
                        issues.projectTagValues(project.id(), "environment", FILTER_CHOICES)),
                select(SearchFilters.Filter.RELEASE, "Release", search,
                        issues.projectTagValues(project.id(), "release", FILTER_CHOICES)));
    }

    /** A value the search names that is not among the usual choices is offered too, so that it stays chosen. */
    private static FilterSelect select(SearchFilters.Filter filter, String label, String search, List<String> choices) {
        String selected;
        try {
            selected = SearchFilters.valueOf(search, filter);
        } catch (IllegalArgumentException e) {
            selected = "";
        }
        List<String> options = new ArrayList<>(choices);
        if (!selected.isEmpty() && !options.contains(selected)) {
            options.add(selected);
        }
        return new FilterSelect(filter.name().toLowerCase(Locale.ROOT), label, selected, options);
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
