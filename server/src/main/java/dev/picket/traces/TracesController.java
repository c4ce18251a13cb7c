package dev.picket.traces;

import dev.picket.accounts.ApiUser;
import dev.picket.accounts.Organization;
import dev.picket.api.ApiController;
import dev.picket.api.ApiException;
import dev.picket.projects.Project;
import dev.picket.projects.ProjectAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Traces and transaction performance, in the style of the issues API. */
@ApiController
class TracesController {

    private static final Pattern PERIOD = Pattern.compile("(\\d{1,4})([mhdw])");
    private static final Duration LONGEST_PERIOD = Duration.ofDays(90);

    private final Traces traces;
    private final TransactionStats stats;
    private final ProjectAccess access;

    TracesController(Traces traces, TransactionStats stats, ProjectAccess access) {
        this.traces = traces;
        this.stats = stats;
        this.access = access;
    }

    /** A trace across the organization's projects: its waterfall, errors, root cause and functions. */
    @GetMapping("/api/0/organizations/{organizationSlug}/traces/{traceId}/")
    Trace trace(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                @PathVariable String traceId) {
        Organization organization = access.organization(user, organizationSlug);
        return traces.find(organization.id(), traceId).orElseThrow(ApiException::notFound);
    }

    /** Transactions by name over {@code statsPeriod} (e.g. 1h, 24h, 7d; 24h when absent), most frequent first. */
    @GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/transactions/")
    List<TransactionSummary> transactions(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                                          @PathVariable String projectSlug,
                                          @RequestParam(defaultValue = "24h") String statsPeriod) {
        Project project = access.project(user, organizationSlug, projectSlug);
        Instant now = Instant.now();
        return stats.summaries(project.id(), now.minus(period(statsPeriod)), now.plusSeconds(1));
    }

    /** The slowest and the latest failing transactions of one name, to open their traces. */
    record TransactionTraces(String transaction, List<TransactionRef> slowest, List<TransactionRef> failing) {
    }

    @GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/transactions/traces/")
    TransactionTraces transactionTraces(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                                        @PathVariable String projectSlug, @RequestParam String transaction,
                                        @RequestParam(defaultValue = "24h") String statsPeriod,
                                        @RequestParam(defaultValue = "10") int limit) {
        Project project = access.project(user, organizationSlug, projectSlug);
        if (limit < 1 || limit > 100) {
            throw ApiException.badRequest("limit must be between 1 and 100");
        }
        Instant now = Instant.now();
        Instant from = now.minus(period(statsPeriod));
        Instant to = now.plusSeconds(1);
        return new TransactionTraces(transaction, stats.slowest(project.id(), transaction, from, to, limit),
                stats.failing(project.id(), transaction, from, to, limit));
    }

    private static Duration period(String statsPeriod) {
        Matcher m = PERIOD.matcher(statsPeriod);
        if (!m.matches()) {
            throw ApiException.badRequest("statsPeriod must be a number and a unit (m, h, d or w), like 24h");
        }
        long n = Long.parseLong(m.group(1));
        Duration period = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        if (period.isZero() || period.compareTo(LONGEST_PERIOD) > 0) {
            throw ApiException.badRequest("statsPeriod must be between 1m and 90d");
        }
        return period;
    }
}
