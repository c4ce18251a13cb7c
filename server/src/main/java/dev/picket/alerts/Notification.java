package dev.picket.alerts;

import java.time.Instant;

/**
 * What an alert tells, whatever it is sent by.
 *
 * @param reason      why it fired, in words ("12 events in the last 5 minutes (more than 10)")
 * @param shortId     the issue's name as people see it on the pages, {@code SHOP-1A}
 * @param environment the environment of the latest event that made it fire, or null
 * @param release     the release of that event, or null
 * @param link        the issue's page: {@code {BaseUrl}/organizations/{org}/issues/{id}/}
 */
public record Notification(long ruleId, String ruleName, String condition, String reason, long issueId,
                           String shortId, String title, String culprit, String level, String organization,
                           String project, String environment, String release, long eventCount, long userCount,
                           Instant firstSeen, Instant firedAt, String link) {
}
