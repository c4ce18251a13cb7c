package dev.picket.web;

import dev.picket.accounts.Memberships;
import dev.picket.issues.IgnoreRule;
import dev.picket.issues.IssueAssignees;
import dev.picket.issues.IssueComments;
import dev.picket.issues.Issues;
import dev.picket.issues.StatusChange;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What members do to an issue from its page: change its status, assign it, comment on it. */
@Controller
class IssueActionsController {

    /** A week, the longest "ignore for" the page offers, as Sentry's does; longer is what "forever" is for. */
    private static final long MAX_IGNORE_MINUTES = Duration.ofDays(7).toMinutes();

    private final PageAccess access;
    private final Issues issues;
    private final IssueAssignees assignees;
    private final IssueComments comments;
    private final Memberships memberships;
    private final Clock clock = Clock.systemUTC();

    IssueActionsController(PageAccess access, Issues issues, IssueAssignees assignees, IssueComments comments,
                           Memberships memberships) {
        this.access = access;
        this.issues = issues;
        this.assignees = assignees;
        this.comments = comments;
        this.memberships = memberships;
    }

    /**
     * {@code action}: {@code resolve}, {@code resolve-next-release}, {@code reopen}, or {@code ignore}
     * with {@code until}: {@code forever}, {@code minutes} (with {@code minutes}), {@code events} or
     * {@code users} (with {@code count}: how many more).
     */
    @PostMapping("/issues/{issueId}/status")
    String changeStatus(Principal principal, @PathVariable long issueId, @RequestParam String action,
                        @RequestParam(defaultValue = "forever") String until,
                        @RequestParam(required = false) Long minutes, @RequestParam(required = false) Long count) {
        access.issue(principal, issueId);
        StatusChange change = switch (action) {
            case "resolve" -> StatusChange.resolved();
            case "resolve-next-release" -> StatusChange.resolvedInNextRelease();
            case "ignore" -> StatusChange.ignored(ignoreRule(until, minutes, count));
            case "reopen" -> StatusChange.unresolved();
            default -> throw badRequest("action must be resolve, resolve-next-release, ignore or reopen");
        };
        issues.setStatus(issueId, change);
        return redirectToIssue(issueId);
    }

    /** {@code assignee}: a member's user id, or empty to unassign. */
    @PostMapping("/issues/{issueId}/assignee")
    String assign(Principal principal, @PathVariable long issueId, @RequestParam(defaultValue = "") String assignee) {
        PageAccess.IssueScope scope = access.issue(principal, issueId);
        Long userId = null;
        if (!assignee.isBlank()) {
            try {
                userId = Long.parseLong(assignee);
            } catch (NumberFormatException e) {
                throw badRequest("assignee must be a member's id");
            }
            if (memberships.role(scope.organization().id(), userId).isEmpty()) {
                throw badRequest("Issues are assigned to members of the organization only.");
            }
        }
        assignees.assign(issueId, userId);
        return redirectToIssue(issueId);
    }

    @PostMapping("/issues/{issueId}/comments")
    String comment(Principal principal, @PathVariable long issueId, @RequestParam(defaultValue = "") String text,
                   RedirectAttributes redirect) {
        access.issue(principal, issueId);
        try {
            comments.add(issueId, access.user(principal).id(), text);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("commentError", e.getMessage());
            redirect.addFlashAttribute("commentDraft", text);
        }
        return redirectToIssue(issueId) + "#comments";
    }

    /** Only the author deletes a comment; anyone else's attempt finds nothing to delete. */
    @PostMapping("/issues/{issueId}/comments/{commentId}/delete")
    String deleteComment(Principal principal, @PathVariable long issueId, @PathVariable long commentId) {
        access.issue(principal, issueId);
        if (!comments.delete(issueId, commentId, access.user(principal).id())) {
            throw PageAccess.notFound();
        }
        return redirectToIssue(issueId) + "#comments";
    }

    private IgnoreRule ignoreRule(String until, Long minutes, Long count) {
        return switch (until) {
            case "forever" -> IgnoreRule.forever();
            case "minutes" -> {
                if (minutes == null || minutes < 1 || minutes > MAX_IGNORE_MINUTES) {
                    throw badRequest("minutes must be 1 to " + MAX_IGNORE_MINUTES);
                }
                yield IgnoreRule.untilTime(Instant.ofEpochMilli(clock.millis()).plus(Duration.ofMinutes(minutes)));
            }
            case "events", "users" -> {
                if (count == null || count < 1) {
                    throw badRequest("count must be a whole number of at least 1");
                }
                yield until.equals("events") ? IgnoreRule.untilCount(count) : IgnoreRule.untilUserCount(count);
            }
            default -> throw badRequest("until must be forever, minutes, events or users");
        };
    }

    private static String redirectToIssue(long issueId) {
        return "redirect:/issues/" + issueId + "/";
    }

    private static ResponseStatusException badRequest(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
