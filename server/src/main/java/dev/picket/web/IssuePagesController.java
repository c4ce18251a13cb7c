package dev.picket.web;

import dev.picket.accounts.Member;
import dev.picket.accounts.Memberships;
import dev.picket.issues.EventPage;
import dev.picket.issues.IssueAssignees;
import dev.picket.issues.IssueComment;
import dev.picket.issues.IssueComments;
import dev.picket.issues.IssueEvents;
import dev.picket.issues.Issues;
import dev.picket.issues.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * One issue with one of its events (the latest unless another is asked for), the way to step
 * through its events, the list of them, and an event's JSON to read or download.
 */
@Controller
class IssuePagesController {

    private static final int TOP_TAG_VALUES = 5;
    private static final int EVENTS_PAGE_SIZE = 50;

    private final PageAccess access;
    private final Issues issues;
    private final IssueEvents events;
    private final IssueAssignees assignees;
    private final IssueComments comments;
    private final Memberships memberships;
    private final EventViews eventViews;

    IssuePagesController(PageAccess access, Issues issues, IssueEvents events, IssueAssignees assignees,
                         IssueComments comments, Memberships memberships, EventViews eventViews) {
        this.access = access;
        this.issues = issues;
        this.events = events;
        this.assignees = assignees;
        this.comments = comments;
        this.memberships = memberships;
        this.eventViews = eventViews;
    }

    /** A comment with its author's address; an author who left the organization is no longer named. */
    record CommentRow(IssueComment comment, String author, boolean own) {
    }

    @GetMapping("/issues/{issueId}/")
    String issue(Principal principal, @PathVariable long issueId, Model model) {
        return issuePage(principal, issueId, "latest", model);
    }

    /** {@code eventId} is an event's id, or {@code latest}, {@code oldest} or {@code recommended} as in Sentry's API. */
    @GetMapping("/issues/{issueId}/events/{eventId}/")
    String event(Principal principal, @PathVariable long issueId, @PathVariable String eventId, Model model) {
        return issuePage(principal, issueId, eventId, model);
    }

    @GetMapping("/issues/{issueId}/events/")
    String events(Principal principal, @PathVariable long issueId, @RequestParam(required = false) String cursor,
                  Model model) {
        PageAccess.IssueScope scope = access.issue(principal, issueId);
        addScope(model, scope);
        EventPage page;
        try {
            page = issues.events(issueId, cursor == null || cursor.isBlank() ? null : cursor, EVENTS_PAGE_SIZE);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        model.addAttribute("page", page);
        model.addAttribute("cursor", cursor);
        return "issue-events";
    }

    @GetMapping("/issues/{issueId}/events/{eventId}/json/")
    String eventJson(Principal principal, @PathVariable long issueId, @PathVariable String eventId, Model model) {
        PageAccess.IssueScope scope = access.issue(principal, issueId);
        StoredEvent stored = find(issueId, eventId).orElseThrow(PageAccess::notFound);
        addScope(model, scope);
        model.addAttribute("event", eventViews.of(stored.json()));
        return "event-json";
    }

    /** The stored event as a file, as Sentry's "download JSON" gives it. */
    @GetMapping("/issues/{issueId}/events/{eventId}/json/download/")
    ResponseEntity<byte[]> eventJsonDownload(Principal principal, @PathVariable long issueId,
                                             @PathVariable String eventId) {
        access.issue(principal, issueId);
        StoredEvent stored = find(issueId, eventId).orElseThrow(PageAccess::notFound);
        String pretty = eventViews.of(stored.json()).json();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("event-" + stored.summary().eventId() + ".json").build().toString())
                .body(pretty.getBytes(StandardCharsets.UTF_8));
    }

    private String issuePage(Principal principal, long issueId, String eventId, Model model) {
        PageAccess.IssueScope scope = access.issue(principal, issueId);
        Optional<StoredEvent> stored = find(issueId, eventId);
        if (stored.isEmpty() && !eventId.equals("latest")) {
            throw PageAccess.notFound();
        }
        addScope(model, scope);
        model.addAttribute("hourly", FrequencyChart.of(issues.hourlyCounts(issueId)));
        model.addAttribute("daily", FrequencyChart.of(issues.dailyCounts(issueId)));
        model.addAttribute("tags", issues.tags(issueId, TOP_TAG_VALUES));
        model.addAttribute("event", stored.map(event -> eventViews.of(event.json())).orElse(null));
        model.addAttribute("eventSummary", stored.map(StoredEvent::summary).orElse(null));
        model.addAttribute("neighbours", stored.map(event -> events.around(issueId, event.summary().eventId()))
                .orElse(null));
        List<Member> people = memberships.list(scope.organization());
        Map<Long, String> emails = people.stream().collect(Collectors.toMap(Member::userId, Member::email));
        long me = access.user(principal).id();
        model.addAttribute("members", people);
        model.addAttribute("assignee", assignees.assignee(issueId).orElse(null));
        model.addAttribute("comments", comments.list(issueId).stream()
                .map(comment -> new CommentRow(comment, emails.getOrDefault(comment.authorId(), "a former member"),
                        comment.authorId() == me))
                .toList());
        model.addAttribute("commentMaxLength", IssueComments.MAX_LENGTH);
        return "issue";
    }

    private Optional<StoredEvent> find(long issueId, String eventId) {
        return switch (eventId) {
            case "latest" -> issues.latestEvent(issueId);
            case "oldest" -> issues.oldestEvent(issueId);
            case "recommended" -> issues.recommendedEvent(issueId);
            default -> events.event(issueId, eventId);
        };
    }

    private static void addScope(Model model, PageAccess.IssueScope scope) {
        model.addAttribute("organization", scope.organization());
        model.addAttribute("project", scope.project());
        model.addAttribute("issue", scope.issue());
    }
}
