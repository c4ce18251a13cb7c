package dev.picket.traces;

import dev.picket.accounts.ApiUser;
import dev.picket.accounts.Organization;
import dev.picket.api.ApiController;
import dev.picket.api.ApiException;
import dev.picket.projects.Project;
import dev.picket.projects.ProjectAccess;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Traces, transaction performance and serverless functions, in the style of the issues API. */
@ApiController
class TracesController {

    private final Traces traces;
    private final TransactionStats stats;
    private final FunctionStats functions;
    private final ProjectAccess access;

    TracesController(Traces traces, TransactionStats stats, FunctionStats functions, ProjectAccess access) {
        this.traces = traces;
        this.stats = stats;
        this.functions = functions;
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
        StatsPeriod period = period(statsPeriod);
        return stats.summaries(project.id(), period.from(), period.to());
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
        StatsPeriod period = period(statsPeriod);
        return new TransactionTraces(transaction,
                stats.slowest(project.id(), transaction, period.from(), period.to(), limit),
                stats.failing(project.id(), transaction, period.from(), period.to(), limit));
    }

    /** The project's serverless functions over {@code statsPeriod}: invocations, errors, cold starts, timeouts. */
    @GetMapping("/api/0/projects/{organizationSlug}/{projectSlug}/functions/")
    List<FunctionSummary> functions(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                                    @PathVariable String projectSlug,
                                    @RequestParam(defaultValue = "24h") String statsPeriod) {
        Project project = access.project(user, organizationSlug, projectSlug);
        StatsPeriod period = period(statsPeriod);
        return functions.summaries(project.id(), period.from(), period.to());
    }

    private static StatsPeriod period(String statsPeriod) {
        try {
            return StatsPeriod.parse(statsPeriod, Instant.now());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
