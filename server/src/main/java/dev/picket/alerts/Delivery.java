package dev.picket.alerts;

/**
 * One alert to send to one target, as recorded in {@code alert_deliveries}.
 *
 * @param secret  the rule's webhook secret
 * @param subject the e-mail subject (null for webhooks)
 * @param payload exactly what is sent: the JSON body, or the e-mail's text
 */
record Delivery(long id, AlertAction action, String secret, String subject, String payload) {
}
