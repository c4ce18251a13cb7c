package dev.picket.alerts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rule form's fields, as typed. It is turned into the REST API's JSON and read by
 * {@link AlertRuleJson}, so that the form and the API refuse the same rules with the same words.
 *
 * @param condition       first_seen, regression, event_frequency, unique_users or spike
 * @param threshold       "more than N" of event_frequency and unique_users
 * @param interval        "in M minutes" of event_frequency, unique_users and spike
 * @param tags            one {@code key=value} a line
 * @param emails          addresses separated by commas, spaces or lines
 */
record AlertRuleForm(String name, String condition, String threshold, String interval, String level,
                     String environment, String release, String function, String tags, String emails,
                     String webhookUrl, String slackUrl, String throttleMinutes) {

    /** The rule's fields by {@link InvalidAlertRuleException#field()}: where the form shows each error. */
    private static final Map<String, String> INPUTS = Map.ofEntries(
            Map.entry("name", "name"), Map.entry("condition", "condition"), Map.entry("condition.type", "condition"),
            Map.entry("condition.value", "threshold"), Map.entry("condition.interval", "interval"),
            Map.entry("filters", "level"), Map.entry("filters.level", "level"),
            Map.entry("filters.environment", "environment"), Map.entry("filters.release", "release"),
            Map.entry("filters.function", "function"), Map.entry("filters.tags", "tags"),
            Map.entry("actions.email", "emails"), Map.entry("actions.webhook", "webhookUrl"),
            Map.entry("actions.slack", "slackUrl"), Map.entry("throttleMinutes", "throttleMinutes"));

    static AlertRuleForm empty() {
        return new AlertRuleForm("", "first_seen", "", "", "", "", "", "", "", "", "", "",
                String.valueOf(AlertRuleJson.DEFAULT_THROTTLE_MINUTES));
    }

    static AlertRuleForm of(AlertRule rule) {
        AlertFilters filters = rule.filters();
        List<AlertAction> actions = rule.actions();
        return new AlertRuleForm(rule.name(), rule.condition().id(), text(rule.threshold()),
                text(rule.windowMinutes()), orEmpty(filters.level()), orEmpty(filters.environment()),
                orEmpty(filters.release()), orEmpty(filters.function()),
                filters.tags().entrySet().stream().map(tag -> tag.getKey() + "=" + tag.getValue())
                        .sorted().collect(Collectors.joining("\n")),
                actions.stream().filter(AlertAction.Email.class::isInstance).map(AlertAction::target)
                        .collect(Collectors.joining(", ")),
                first(actions, AlertAction.Webhook.class), first(actions, AlertAction.Slack.class),
                String.valueOf(rule.throttleMinutes()));
    }

    /** The form's input an error of the rule's {@code field} belongs next to; "actions" for the actions as a whole. */
    static String inputOf(String field) {
        return INPUTS.getOrDefault(field, "actions");
    }

    /** The rule as the REST API's JSON; what is left blank is left out. */
    ObjectNode toJson(JsonMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("name", orEmpty(name).strip());
        ObjectNode rule = body.putObject("condition").put("type", orEmpty(condition));
        number(rule, "value", threshold);
        number(rule, "interval", interval);
        ObjectNode filters = body.putObject("filters");
        text(filters, "level", level);
        text(filters, "environment", environment);
        text(filters, "release", release);
        text(filters, "function", function);
        ObjectNode tagNode = filters.putObject("tags");
        for (String line : orEmpty(tags).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new InvalidAlertRuleException("filters.tags",
                        "each line of the tags must be key=value, not '" + line.strip() + "'");
            }
            tagNode.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
        ArrayNode actions = body.putArray("actions");
        List<String> addresses = Arrays.stream(orEmpty(emails).split("[,;\\s]+")).filter(a -> !a.isBlank()).toList();
        if (!addresses.isEmpty()) {
            addresses.forEach(actions.addObject().put("type", "email").putArray("to")::add);
        }
        if (!orEmpty(webhookUrl).isBlank()) {
            actions.addObject().put("type", "webhook").put("url", webhookUrl.strip());
        }
        if (!orEmpty(slackUrl).isBlank()) {
            actions.addObject().put("type", "slack").put("url", slackUrl.strip());
        }
        number(body, "throttleMinutes", throttleMinutes);
        return body;
    }

    /** A number as typed: an integer goes in as one, anything else as text, which the reader refuses by name. */
    private static void number(ObjectNode node, String key, String typed) {
        String value = orEmpty(typed).strip();
        if (value.isEmpty()) {
            return;
        }
        if (value.matches("-?\\d{1,9}")) {
            node.put(key, Integer.parseInt(value));
        } else {
            node.put(key, value);
        }
    }

    private static void text(ObjectNode node, String key, String typed) {
        String value = orEmpty(typed).strip();
        if (!value.isEmpty()) {
            node.put(key, value);
        }
    }

    private static String first(List<AlertAction> actions, Class<? extends AlertAction> kind) {
        return actions.stream().filter(kind::isInstance).map(AlertAction::target).findFirst().orElse("");
    }

    private static String text(Integer number) {
        return number == null ? "" : number.toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
