package dev.picket.issues.api;

import dev.picket.BaseUrl;
import dev.picket.accounts.ApiUser;
import dev.picket.api.ApiController;
import dev.picket.api.ApiException;
import dev.picket.api.JsonBody;
import dev.picket.issues.EventPage;
import dev.picket.issues.IgnoreRule;
import dev.picket.issues.Issue;
import dev.picket.issues.IssuePage;
import dev.picket.issues.IssueQuery;
import dev.picket.issues.IssueSort;
import dev.picket.issues.Issues;
import dev.picket.issues.StatusChange;
import dev.picket.issues.StoredEvent;
import dev.picket.issues.TagSummary;
import dev.picket.issues.TagValueCount;
import dev.picket.projects.ProjectAccess.MemberProject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Sentry's issue and event endpoints. */
@ApiController
class IssuesController {

    private static final String DEFAULT_SEARCH = "is:unresolved";

    private final Issues issues;
    private final IssueAccess access;
    private final BaseUrl baseUrl;
    private final EventResponses events;

    IssuesController(Issues issues, IssueAccess access, BaseUrl baseUrl, JsonMapper json) {
        this.issues = issues;
        this.access = access;
        this.baseUrl = baseUrl;
        this.events = new EventResponses(json);
    }

    /**
     * Lists a project's issues: {@code query} in Sentry's search language ({@code is:unresolved} when
     * absent), {@code sort} date (last seen), new (first seen), freq or user, {@code cursor} and
     * {@code limit} (at most 100) for pages, which the {@code Link} header links.
     */
    @GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/issues/")
    ResponseEntity<List<IssueResponse>> list(@AuthenticationPrincipal ApiUser user,
                                             @PathVariable String organizationSlug, @PathVariable String projectSlug,
                                             @RequestParam(required = false) String query,
                                             @RequestParam(defaultValue = "date") String sort,
                                             @RequestParam(required = false) String cursor,
                                             @RequestParam(defaultValue = "25") int limit,
                                             HttpServletRequest request) {
        MemberProject scope = access.project(user, organizationSlug, projectSlug);
        IssuePage page = badRequestOn(() -> issues.list(IssueSearch.apply(query == null ? DEFAULT_SEARCH : query,
                IssueQuery.all(scope.project().id()).withSort(sort(sort)).withCursor(blankToNull(cursor))
                        .withLimit(limit))));
        List<IssueResponse> body = page.issues().stream()
                .map(issue -> IssueResponse.of(issue, scope.project(), baseUrl.get(), scope.organization().slug(),
                        issues.hourlyCounts(issue.id())))
                .toList();
        return ResponseEntity.ok().header(HttpHeaders.LINK,
                CursorLinks.header(requestUrl(request), blankToNull(cursor), page.nextCursor())).body(body);
    }

    @GetMapping("/api/0/issues/{issueId}/")
    IssueResponse get(@AuthenticationPrincipal ApiUser user, @PathVariable long issueId) {
        return response(user, access.issue(user, issueId));
    }

    /**
     * Changes the status as Sentry's issue update does: {@code status} unresolved, resolved,
     * resolvedInNextRelease or ignored; {@code statusDetails} {@code inNextRelease}, or for ignoring
     * {@code ignoreDuration} (minutes), {@code ignoreUntil}, {@code ignoreCount} or
     * {@code ignoreUserCount}; without details, ignored is forever.
     */
    @PutMapping("/api/0/issues/{issueId}/")
    IssueResponse update(@AuthenticationPrincipal ApiUser user, @PathVariable long issueId,
                         @RequestBody JsonNode body) {
        access.issue(user, issueId);
        StatusChange change = statusChange(JsonBody.of(body), body.path("statusDetails"));
        Issue changed = issues.setStatus(issueId, change).orElseThrow(ApiException::notFound);
        return response(user, changed);
    }

    @GetMapping("/api/0/issues/{issueId}/events/")
    ResponseEntity<List<ObjectNode>> events(@AuthenticationPrincipal ApiUser user, @PathVariable long issueId,
                                            @RequestParam(required = false) String cursor,
                                            @RequestParam(defaultValue = "100") int limit,
                                            HttpServletRequest request) {
        access.issue(user, issueId);
        EventPage page = badRequestOn(() -> issues.events(issueId, blankToNull(cursor), limit));
        return ResponseEntity.ok().header(HttpHeaders.LINK,
                        CursorLinks.header(requestUrl(request), blankToNull(cursor), page.nextCursor()))
                .body(page.events().stream().map(events::summary).toList());
    }

    /** {@code which} is latest, oldest or recommended (the newest event with the most context). */
    @GetMapping("/api/0/issues/{issueId}/events/{which:latest|oldest|recommended}/")
    ObjectNode event(@AuthenticationPrincipal ApiUser user, @PathVariable long issueId, @PathVariable String which) {
        access.issue(user, issueId);
        LongFunction<Optional<StoredEvent>> pick = switch (which) {
            case "latest" -> issues::latestEvent;
            case "oldest" -> issues::oldestEvent;
            default -> issues::recommendedEvent;
        };
        return events.full(pick.apply(issueId).orElseThrow(ApiException::notFound));
    }

    @GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/events/{eventId}/")
    ObjectNode projectEvent(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                            @PathVariable String projectSlug, @PathVariable String eventId) {
        MemberProject scope = access.project(user, organizationSlug, projectSlug);
        return events.full(issues.event(scope.project().id(), eventId.replace("-", "").toLowerCase(Locale.ROOT))
                .orElseThrow(ApiException::notFound));
    }

    @GetMapping("/api/0/issues/{issueId}/tags/")
    List<TagResponse> tags(@AuthenticationPrincipal ApiUser user, @PathVariable long issueId) {
        access.issue(user, issueId);
        return issues.tags(issueId, 9).stream().map(TagResponse::of).toList();
    }

    @GetMapping("/api/0/issues/{issueId}/tags/{key}/")
    TagResponse tag(@AuthenticationPrincipal ApiUser user, @PathVariable long issueId, @PathVariable String key) {
        access.issue(user, issueId);
        return issues.tags(issueId, 0).stream().filter(t -> t.key().equals(key)).findFirst()
                .map(summary -> TagResponse.of(new TagSummary(summary.key(), summary.totalValues(),
                        summary.distinctValues(), issues.tagValues(issueId, key, 100))))
                .orElseThrow(ApiException::notFound);
    }

    /** A tag of an issue's events as Sentry shows it, with its most frequent values. */
    record TagResponse(String key, String name, long totalValues, long uniqueValues, List<TagValueResponse> topValues) {

        static TagResponse of(TagSummary summary) {
            return new TagResponse(summary.key(), summary.key(), summary.totalValues(), summary.distinctValues(),
                    summary.topValues().stream().map(v -> TagValueResponse.of(summary.key(), v)).toList());
        }
    }

    record TagValueResponse(String key, String name, String value, long count, Instant firstSeen, Instant lastSeen) {

        static TagValueResponse of(String key, TagValueCount value) {
            return new TagValueResponse(key, value.value(), value.value(), value.count(), value.firstSeen(),
                    value.lastSeen());
        }
    }

    private IssueResponse response(ApiUser user, Issue issue) {
        MemberProject scope = access.projectOf(user, issue.projectId());
        return IssueResponse.of(issue, scope.project(), baseUrl.get(), scope.organization().slug(),
                issues.hourlyCounts(issue.id()));
    }

    private static StatusChange statusChange(JsonBody body, JsonNode details) {
        String status = body.optionalString("status");
        if (status == null) {
            throw ApiException.badRequest("status is required: unresolved, resolved, resolvedInNextRelease or ignored");
        }
        return switch (status) {
            case "unresolved" -> StatusChange.unresolved();
            case "resolved" -> details.path("inNextRelease").asBoolean(false)
                    ? StatusChange.resolvedInNextRelease() : StatusChange.resolved();
            case "resolvedInNextRelease" -> StatusChange.resolvedInNextRelease();
            case "ignored", "archived" -> StatusChange.ignored(ignoreRule(details));
            default -> throw ApiException.badRequest("unknown status '" + status
                    + "': use unresolved, resolved, resolvedInNextRelease or ignored");
        };
    }

    private static IgnoreRule ignoreRule(JsonNode details) {
        try {
            if (details.hasNonNull("ignoreDuration")) {
                return IgnoreRule.untilTime(Instant.now().plus(Duration.ofMinutes(positive(details, "ignoreDuration"))));
            }
            if (details.hasNonNull("ignoreUntil")) {
                return IgnoreRule.untilTime(Instant.parse(details.get("ignoreUntil").asString()));
            }
            if (details.hasNonNull("ignoreCount")) {
                return IgnoreRule.untilCount(positive(details, "ignoreCount"));
            }
            if (details.hasNonNull("ignoreUserCount")) {
                return IgnoreRule.untilUserCount(positive(details, "ignoreUserCount"));
            }
            return IgnoreRule.forever();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("statusDetails.ignoreUntil must be an ISO-8601 time like 2026-12-01T00:00:00Z");
        }
    }

    private static long positive(JsonNode details, String field) {
        JsonNode value = details.get(field);
        if (!value.canConvertToLong() || value.asLong() < 1) {
            throw ApiException.badRequest("statusDetails." + field + " must be a positive whole number");
        }
        return value.asLong();
    }

    private static IssueSort sort(String sort) {
        return switch (sort) {
            case "date" -> IssueSort.DATE;
            case "new" -> IssueSort.NEW;
            case "freq" -> IssueSort.FREQ;
            case "user" -> IssueSort.USER;
            default -> throw ApiException.badRequest("sort must be date, new, freq or user, not '" + sort + "'");
        };
    }

    /** Runs a query whose arguments the user chose: a malformed cursor, search or limit is a 400. */
    private static <T> T badRequestOn(java.util.function.Supplier<T> query) {
        try {
            return query.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String requestUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query);
    }
}
