package dev.picket.alerts;

import dev.picket.issues.Issue;
import dev.picket.issues.IssueSubstatus;
import dev.picket.issues.Issues;
import dev.picket.issues.Occurrence;
import dev.picket.pipeline.ProcessedBatch;
import dev.picket.pipeline.ProcessedBatch.StoredError;
import dev.picket.pipeline.ProcessedBatchListener;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Judges each processed batch against its projects' rules, on a thread of its own: the processor
 * only enqueues the batch (and a full queue drops it with a warning rather than wait), so alerting
 * never slows processing. An alert fires once per rule, issue and occasion, and not again for the
 * same rule and issue within the rule's throttle.
 */
@Component
class AlertEvaluator implements ProcessedBatchListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

    private final AlertRules rules;
    private final AlertWindows windows;
    private final AlertHistory history;
    private final AlertNotifications notifications;
    private final AlertDispatcher dispatcher;
    private final Issues issues;
    private final ProjectBaseline baseline;
    private final RuleBaseline ruleBaseline;
    private final DeliveryClaims claims;
    private final ThreadPoolExecutor executor;
    private long forgotten;

    AlertEvaluator(AlertRules rules, AlertWindows windows, AlertHistory history, AlertNotifications notifications,
                   AlertDispatcher dispatcher, Issues issues, ProjectBaseline baseline, RuleBaseline ruleBaseline,
                   DeliveryClaims claims, AlertsProperties properties) {
        this.rules = rules;
        this.windows = windows;
        this.history = history;
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.issues = issues;
        this.baseline = baseline;
        this.ruleBaseline = ruleBaseline;
        this.claims = claims;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()),
                Thread.ofPlatform().name("picket-alert-evaluator").daemon().factory(),
                (batch, pool) -> log.warn("alert evaluation is behind by {} batches; a batch goes unjudged",
                        pool.getQueue().size()));
    }

    @Override
    public void batchProcessed(ProcessedBatch batch) {
        if (!batch.events().isEmpty()) {
            executor.execute(() -> evaluateSafely(batch));
        }
    }

    /** Waits until every batch handed over so far is judged (its deliveries may still be under way). */
    boolean awaitEvaluated(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (executor.getActiveCount() > 0 || !executor.getQueue().isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private void evaluateSafely(ProcessedBatch batch) {
        try {
            evaluate(batch);
        } catch (RuntimeException e) {
            log.warn("alert evaluation of a batch failed", e);
        }
    }

    private void evaluate(ProcessedBatch batch) {
        long now = batch.processedAt();
        long minute = Math.floorDiv(now, AlertWindows.MINUTE_MILLIS);
        Map<Long, List<StoredError>> byProject = batch.events().stream()
                .collect(Collectors.groupingBy(StoredError::projectId, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<Long, List<StoredError>> project : byProject.entrySet()) {
            List<AlertRule> projectRules = rules.list(project.getKey());
            if (projectRules.isEmpty()) {
                continue;
            }
            Map<Long, List<StoredError>> byIssue = project.getValue().stream()
                    .collect(Collectors.groupingBy(StoredError::issueId, LinkedHashMap::new, Collectors.toList()));
            for (AlertRule rule : projectRules) {
                Occurrence latest = null;
                for (Map.Entry<Long, List<StoredError>> issue : byIssue.entrySet()) {
                    List<StoredError> matching = issue.getValue().stream()
                            .filter(e -> rule.filters().matches(e.occurrence())).toList();
                    if (!matching.isEmpty()) {
                        judge(rule, issue.getKey(), matching, now, minute);
                        latest = matching.getLast().occurrence();
                    }
                }
                if (rule.condition() == AlertCondition.SPIKE && latest != null) {
                    judgeSpike(rule, now, minute, latest);
                }
            }
        }
        if (minute - forgotten > 0) {
            forgotten = minute;
            windows.forgetBefore(minute - AlertRuleJson.MAX_MINUTES);
            ruleBaseline.forgetBefore(RuleBaseline.oldestHour(now));
        }
    }

    private void judge(AlertRule rule, long issueId, List<StoredError> matching, long now, long minute) {
        Occurrence latest = matching.getLast().occurrence();
        switch (rule.condition()) {
            case FIRST_SEEN -> {
                if (matching.stream().anyMatch(StoredError::newIssue)) {
                    fire(rule, issueId, "first_seen", now, "A new issue was seen for the first time", latest);
                }
            }
            case REGRESSION -> issues.find(issueId)
                    .filter(issue -> regressedAt(issue, now))
                    .ifPresent(issue -> fire(rule, issueId, "regression:" + now, now,
                            "A resolved issue happened again (regression)", latest));
            case EVENT_FREQUENCY -> {
                countByMinute(rule, issueId, matching, now);
                long count = windows.events(rule.id(), issueId, minute, rule.windowMinutes());
                if (count > rule.threshold()) {
                    fire(rule, issueId, "events:" + windowOf(rule, minute), now, count + " events in the last "
                            + rule.windowMinutes() + " minutes (more than " + rule.threshold() + ")", latest);
                }
            }
            case UNIQUE_USERS -> {
                Map<Long, Set<String>> usersByMinute = inWindowReach(matching, now)
                        .filter(e -> e.occurrence().userKey() != null)
                        .collect(Collectors.groupingBy(e -> minuteOf(e, now), LinkedHashMap::new,
                                Collectors.mapping(e -> e.occurrence().userKey(),
                                        Collectors.toCollection(LinkedHashSet::new))));
                usersByMinute.forEach((eventMinute, users) -> windows.addUsers(rule.id(), issueId, eventMinute, users));
                long count = windows.users(rule.id(), issueId, minute, rule.windowMinutes());
                if (count > rule.threshold()) {
                    fire(rule, issueId, "users:" + windowOf(rule, minute), now, count + " users in the last "
                            + rule.windowMinutes() + " minutes (more than " + rule.threshold() + ")", latest);
                }
            }
            case SPIKE -> {
                countByMinute(rule, issueId, matching, now);
                if (!rule.filters().isEmpty()) {
                    countByHour(rule, matching, now);
                }
            }
        }
    }

    private void countByMinute(AlertRule rule, long issueId, List<StoredError> matching, long now) {
        Map<Long, Long> byMinute = inWindowReach(matching, now)
                .collect(Collectors.groupingBy(e -> minuteOf(e, now), LinkedHashMap::new, Collectors.counting()));
        byMinute.forEach((eventMinute, events) -> windows.addEvents(rule.id(), issueId, eventMinute, events));
    }

    /** The baseline of a spike rule with filters, by hour of event time (a clock running ahead counts as now). */
    private void countByHour(AlertRule rule, List<StoredError> matching, long now) {
        long oldestHour = RuleBaseline.oldestHour(now);
        Map<Long, Long> byHour = matching.stream()
                .map(e -> Math.min(e.occurrence().timestamp(), now))
                .filter(at -> at >= oldestHour)
                .collect(Collectors.groupingBy(at -> Math.floorDiv(at, RuleBaseline.HOUR_MILLIS)
                        * RuleBaseline.HOUR_MILLIS, Collectors.counting()));
        ruleBaseline.add(rule.id(), byHour);
    }

    /**
     * Events count in the minute they happened, so that a batch that waited in the inbox, or events an
     * SDK sent late, fall in the window of their time; a clock running ahead counts as now.
     */
    private static long minuteOf(StoredError event, long now) {
        return Math.floorDiv(Math.min(event.occurrence().timestamp(), now), AlertWindows.MINUTE_MILLIS);
    }

    /** Events older than the longest window count in none. */
    private static Stream<StoredError> inWindowReach(List<StoredError> events, long now) {
        long oldestMinute = Math.floorDiv(now, AlertWindows.MINUTE_MILLIS) - AlertRuleJson.MAX_MINUTES;
        return events.stream().filter(e -> minuteOf(e, now) > oldestMinute);
    }

    /**
     * A spike is the project's (or, with filters, its matching events'): it is told with the issue
     * that had the most of the window's events.
     */
    private void judgeSpike(AlertRule rule, long now, long minute, Occurrence latest) {
        OptionalDouble perHour = rule.filters().isEmpty() ? baseline.eventsPerHour(rule.projectId(), now)
                : ruleBaseline.eventsPerHour(rule.id(), now);
        if (perHour.isEmpty()) {
            return;
        }
        long observed = windows.allEvents(rule.id(), minute, rule.windowMinutes());
        PoissonSpike.Verdict verdict = PoissonSpike.judge(observed, perHour.getAsDouble(), rule.windowMinutes());
        if (verdict.spike()) {
            fire(rule, windows.busiestIssue(rule.id(), minute, rule.windowMinutes()),
                    "spike:" + windowOf(rule, minute), now,
                    rule.filters().isEmpty() ? verdict.reason() : verdict.reasonForMatchingEvents(), latest);
        }
    }

    /** The batch that regressed an issue set its status change to the batch's time. */
    private static boolean regressedAt(Issue issue, long now) {
        return issue.substatus() == IssueSubstatus.REGRESSED && issue.statusChangedAt().toEpochMilli() == now;
    }

    private static long windowOf(AlertRule rule, long minute) {
        return Math.floorDiv(minute, rule.windowMinutes());
    }

    private void fire(AlertRule rule, long issueId, String dedupeKey, long now, String reason, Occurrence latest) {
        long throttle = rule.throttleMinutes() * AlertWindows.MINUTE_MILLIS;
        // A spike is the project's, so its throttle holds for the rule whichever issue it named.
        boolean throttled = throttle > 0 && (rule.condition() == AlertCondition.SPIKE
                ? history.firedSince(rule.id(), now - throttle + 1)
                : history.firedSince(rule.id(), issueId, now - throttle + 1));
        if (throttled) {
            return;
        }
        OptionalLong fired = history.fire(rule, issueId, dedupeKey, now, reason);
        if (fired.isEmpty()) {
            return;
        }
        Notification notification = notifications.of(rule, issueId, reason, latest, now).orElse(null);
        if (notification == null) {
            return;
        }
        for (AlertAction action : rule.actions()) {
            String payload = notifications.payload(action, notification);
            String subject = action instanceof AlertAction.Email ? notifications.subject(notification) : null;
            long deliveryId = history.addDelivery(fired.getAsLong(), action, subject, payload, now, claims.from(now));
            dispatcher.dispatch(new Delivery(deliveryId, action, rule.secret(), subject, payload));
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
