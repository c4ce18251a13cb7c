package dev.picket.traces;

import dev.picket.accounts.Organization;
import dev.picket.projects.Project;
import dev.picket.projects.ProjectAccess.MemberProject;
import dev.picket.projects.Projects;
import dev.picket.web.PageAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/** The trace view, and each project's performance and serverless function pages. */
@Controller
class TracePagesController {

    /** The periods the pages offer; the REST API takes any. */
    private static final List<String> PERIODS = List.of("1h", "24h", "7d", "14d", "30d");
    private static final int TRACES_LISTED = 20;

    private final PageAccess access;
    private final Traces traces;
    private final TransactionStats transactions;
    private final FunctionStats functions;
    private final Projects projects;

    TracePagesController(PageAccess access, Traces traces, TransactionStats transactions, FunctionStats functions,
                         Projects projects) {
        this.access = access;
        this.traces = traces;
        this.transactions = transactions;
        this.functions = functions;
        this.projects = projects;
    }

    @GetMapping("/organizations/{organizationSlug}/traces/{traceId}")
    String trace(Principal principal, @PathVariable String organizationSlug, @PathVariable String traceId,
                 Model model) {
        Organization organization = access.organization(principal, organizationSlug);
        Trace trace = traces.find(organization.id(), traceId).orElseThrow(PageAccess::notFound);
        Map<Long, Project> byId = projects.listForOrganization(organization.id()).stream()
                .collect(Collectors.toMap(Project::id, Function.identity()));
        Set<Long> involved = projectsOf(trace);
        // Rows name their project only when there is more than one to tell apart.
        Map<Long, String> slugs = involved.size() < 2 ? Map.of() : involved.stream().filter(byId::containsKey)
                .collect(Collectors.toMap(Function.identity(), id -> byId.get(id).slug()));
        model.addAttribute("organization", organization);
        model.addAttribute("trace", trace);
        model.addAttribute("projects", involved.stream().map(byId::get).filter(Objects::nonNull).toList());
        model.addAttribute("waterfall", Waterfall.of(trace, slugs));
        model.addAttribute("rootCauseAnchor", trace.rootCause() == null ? null : Waterfall.anchor(trace.rootCause()));
        return "traces/trace";
    }

    @GetMapping("/organizations/{organizationSlug}/projects/{projectSlug}/performance")
    String performance(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                       @RequestParam(defaultValue = StatsPeriod.DEFAULT) String statsPeriod, HttpServletRequest request,
                       Model model) {
        StatsPeriod period = pagePeriod(statsPeriod);
        MemberProject scope = access.project(principal, organizationSlug, projectSlug);
        addScope(model, scope, period, request);
        model.addAttribute("summaries", transactions.summaries(scope.project().id(), period.from(), period.to()));
        return "traces/performance";
    }

    @GetMapping("/organizations/{organizationSlug}/projects/{projectSlug}/performance/transaction")
    String transaction(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                       @RequestParam String name, @RequestParam(defaultValue = StatsPeriod.DEFAULT) String statsPeriod,
                       HttpServletRequest request, Model model) {
        StatsPeriod period = pagePeriod(statsPeriod);
        MemberProject scope = access.project(principal, organizationSlug, projectSlug);
        long projectId = scope.project().id();
        addScope(model, scope, period, request, "name", name);
        model.addAttribute("title", name);
        model.addAttribute("kind", "transaction");
        model.addAttribute("slowest", transactions.slowest(projectId, name, period.from(), period.to(), TRACES_LISTED));
        model.addAttribute("failing", transactions.failing(projectId, name, period.from(), period.to(), TRACES_LISTED));
        return "traces/transaction";
    }

    @GetMapping("/organizations/{organizationSlug}/projects/{projectSlug}/functions")
    String functions(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                     @RequestParam(defaultValue = StatsPeriod.DEFAULT) String statsPeriod, HttpServletRequest request,
                     Model model) {
        StatsPeriod period = pagePeriod(statsPeriod);
        MemberProject scope = access.project(principal, organizationSlug, projectSlug);
        addScope(model, scope, period, request);
        model.addAttribute("functions", functions.summaries(scope.project().id(), period.from(), period.to())
                .stream().map(FunctionRow::of).toList());
        return "traces/functions";
    }

    @GetMapping("/organizations/{organizationSlug}/projects/{projectSlug}/functions/traces")
    String functionTraces(Principal principal, @PathVariable String organizationSlug, @PathVariable String projectSlug,
                          @RequestParam String function,
                          @RequestParam(defaultValue = StatsPeriod.DEFAULT) String statsPeriod,
                          HttpServletRequest request,
                       Model model) {
        StatsPeriod period = pagePeriod(statsPeriod);
        MemberProject scope = access.project(principal, organizationSlug, projectSlug);
        long projectId = scope.project().id();
        addScope(model, scope, period, request, "function", function);
        model.addAttribute("title", function);
        model.addAttribute("kind", "function");
        model.addAttribute("slowest",
                transactions.slowestOfFunction(projectId, function, period.from(), period.to(), TRACES_LISTED));
        model.addAttribute("failing",
                transactions.failingOfFunction(projectId, function, period.from(), period.to(), TRACES_LISTED));
        return "traces/transaction";
    }

    /** A function's figures, with the issues search that lists its issues. */
    record FunctionRow(FunctionSummary stats, String issueQuery) {

        static FunctionRow of(FunctionSummary stats) {
            String name = stats.function();
            // The search splits on spaces; quoted, a name with one stays whole.
            return new FunctionRow(stats, "function:" + (name.chars().anyMatch(Character::isWhitespace)
                    ? "\"" + name + "\"" : name));
        }
    }

    /** A period to switch to, on the same page with the same parameters. */
    record PeriodLink(String period, String url) {
    }

    private static void addScope(Model model, MemberProject scope, StatsPeriod period, HttpServletRequest request,
                                 String... parameters) {
        model.addAttribute("organization", scope.organization());
        model.addAttribute("project", scope.project());
        model.addAttribute("statsPeriod", period.text());
        model.addAttribute("periods", PERIODS.stream().map(p -> {
            UriComponentsBuilder url = UriComponentsBuilder.fromPath(request.getServletPath());
            for (int i = 0; i < parameters.length; i += 2) {
                url.queryParam(parameters[i], parameters[i + 1]);
            }
            return new PeriodLink(p, url.queryParam("statsPeriod", p).encode().build().toUriString());
        }).toList());
    }

    private static StatsPeriod pagePeriod(String statsPeriod) {
        if (!PERIODS.contains(statsPeriod)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "statsPeriod must be one of " + PERIODS);
        }
        return StatsPeriod.parse(statsPeriod, Instant.now());
    }

    private static Set<Long> projectsOf(Trace trace) {
        Set<Long> ids = new LinkedHashSet<>();
        List<TraceSpan> queue = new ArrayList<>(trace.roots());
        for (int i = 0; i < queue.size(); i++) {
            ids.add(queue.get(i).projectId());
            queue.addAll(queue.get(i).children());
        }
        trace.errors().forEach(error -> ids.add(error.projectId()));
        return ids;
    }
}
