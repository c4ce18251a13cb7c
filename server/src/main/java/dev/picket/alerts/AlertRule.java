package dev.picket.alerts;

import java.time.Instant;
import java.util.List;

/**
 * A project's alert rule.
 *
 * @param threshold       for event_frequency and unique_users: it fires when the count is more than this
 * @param windowMinutes   for event_frequency, unique_users and spike: the window counted, in minutes
 * @param throttleMinutes at most one alert per issue within this many minutes
 * @param secret          signs the rule's webhooks (HMAC-SHA256)
 */
public record AlertRule(long id, long projectId, String name, AlertCondition condition, Integer threshold,
                        Integer windowMinutes, AlertFilters filters, List<AlertAction> actions,
                        int throttleMinutes, String secret, Instant createdAt) {

    public AlertRule {
        actions = List.copyOf(actions);
    }
}
