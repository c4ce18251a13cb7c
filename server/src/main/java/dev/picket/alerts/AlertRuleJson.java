package dev.picket.alerts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A rule as the REST API reads and shows it; its filters and actions are stored in the same shape.
 * <pre>
 * {"name": "Checkout errors",
 *  "condition": {"type": "event_frequency", "value": 100, "interval": 5},   (or {"type": "spike", "interval": 10})
 *  "filters": {"level": "error", "environment": "production", "release": "shop@1.2.0",
 *              "function": "charge", "tags": {"region": "eu"}},
 *  "actions": [{"type": "email", "to": ["ops@example.com"]},
 *              {"type": "webhook", "url": "https://hooks.example.com/picket"},
 *              {"type": "slack", "url": "https://hooks.slack.com/services/…"}],
 *  "throttleMinutes": 30}
 * </pre>
 * What it reads is checked here and only here, for the REST API and the rule form alike.
 */
@Component
final class AlertRuleJson {

    static final int DEFAULT_THROTTLE_MINUTES = 30;
    /** A day: windows and throttles longer than that are not what these alerts are for. */
    static final int MAX_MINUTES = 1440;
    private static final int MAX_NAME = 256;

    private final JsonMapper json;
    private final WebhookTargetGuard targets;

    AlertRuleJson(JsonMapper json, WebhookTargetGuard targets) {
        this.json = json;
        this.targets = targets;
    }

    /** @throws InvalidAlertRuleException naming the field that is missing or wrong */
    AlertRuleDraft read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidAlertRuleException("body", "The request body must be a JSON object");
        }
        String name = string(body, "name", true);
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw new InvalidAlertRuleException("name", "'name' must be 1 to " + MAX_NAME + " characters");
        }
        JsonNode condition = object(body, "condition", true);
        String type = string(condition, "condition.type", true);
        AlertCondition kind = AlertCondition.of(type).orElseThrow(() -> new InvalidAlertRuleException(
                "condition.type",
                "'condition.type' must be first_seen, regression, event_frequency, unique_users or spike"));
        Integer threshold = kind.hasThreshold() ? integer(condition, "condition.value", 0, Integer.MAX_VALUE) : null;
        Integer window = kind.hasWindow() ? integer(condition, "condition.interval", 1, MAX_MINUTES) : null;
        AlertFilters filters = filters(object(body, "filters", false));
        List<AlertAction> actions = actions(body.get("actions"), true);
        int throttle = body.hasNonNull("throttleMinutes")
                ? integer(body, "throttleMinutes", 0, MAX_MINUTES) : DEFAULT_THROTTLE_MINUTES;
        return new AlertRuleDraft(name, kind, threshold, window, filters, actions, throttle);
    }

    ObjectNode write(AlertRule rule) {
        ObjectNode node = json.createObjectNode();
        node.put("id", String.valueOf(rule.id()));
        node.put("name", rule.name());
        ObjectNode condition = node.putObject("condition").put("type", rule.condition().id());
        if (rule.condition().hasThreshold()) {
            condition.put("value", rule.threshold());
        }
        if (rule.condition().hasWindow()) {
            condition.put("interval", rule.windowMinutes());
        }
        node.set("filters", writeFilters(rule.filters()));
        node.set("actions", writeActions(rule.actions()));
        node.put("throttleMinutes", rule.throttleMinutes());
        node.put("secret", rule.secret());
        node.put("dateCreated", rule.createdAt().toString());
        return node;
    }

    String storeFilters(AlertFilters filters) {
        return json.writeValueAsString(writeFilters(filters));
    }

    String storeActions(List<AlertAction> actions) {
        return json.writeValueAsString(writeActions(actions));
    }

    AlertFilters loadFilters(String stored) {
        return filters(json.readTree(stored));
    }

    /** Stored targets were judged when saved, and are judged again before each delivery. */
    List<AlertAction> loadActions(String stored) {
        return actions(json.readTree(stored), false);
    }

    private ObjectNode writeFilters(AlertFilters filters) {
        ObjectNode node = json.createObjectNode();
        node.put("level", filters.level());
        node.put("environment", filters.environment());
        node.put("release", filters.release());
        node.put("function", filters.function());
        ObjectNode tags = node.putObject("tags");
        filters.tags().forEach(tags::put);
        return node;
    }

    private ArrayNode writeActions(List<AlertAction> actions) {
        ArrayNode array = json.createArrayNode();
        for (AlertAction action : actions) {
            ObjectNode node = array.addObject().put("type", action.type());
            switch (action) {
                case AlertAction.Email email -> email.to().forEach(node.putArray("to")::add);
                case AlertAction.Webhook webhook -> node.put("url", webhook.url());
                case AlertAction.Slack slack -> node.put("url", slack.url());
            }
        }
        return array;
    }

    private static AlertFilters filters(JsonNode node) {
        if (node == null) {
            return AlertFilters.none();
        }
        String level = string(node, "filters.level", false);
        if (level != null && !AlertFilters.LEVELS.contains(level)) {
            throw new InvalidAlertRuleException("filters.level",
                    "'filters.level' must be one of " + String.join(", ", AlertFilters.LEVELS));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode tagNode = object(node, "filters.tags", false);
        if (tagNode != null) {
            for (Map.Entry<String, JsonNode> tag : tagNode.properties()) {
                if (!tag.getValue().isString()) {
                    throw new InvalidAlertRuleException("filters.tags",
                            "'filters.tags." + tag.getKey() + "' must be a string");
                }
                tags.put(tag.getKey(), tag.getValue().stringValue());
            }
        }
        return new AlertFilters(level, string(node, "filters.environment", false),
                string(node, "filters.release", false), string(node, "filters.function", false), tags);
    }

    private List<AlertAction> actions(JsonNode node, boolean judgeTargets) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidAlertRuleException("actions", "'actions' must be a non-empty array");
        }
        List<AlertAction> actions = new ArrayList<>();
        for (JsonNode action : node) {
            if (!action.isObject()) {
                throw new InvalidAlertRuleException("actions", "each of 'actions' must be an object");
            }
            String type = string(action, "actions.type", true);
            actions.add(switch (type) {
                case "email" -> new AlertAction.Email(addresses(action.get("to")));
                case "webhook" -> new AlertAction.Webhook(url(action, "actions.webhook", judgeTargets));
                case "slack" -> new AlertAction.Slack(url(action, "actions.slack", judgeTargets));
                default -> throw new InvalidAlertRuleException("actions.type",
                        "'actions.type' must be email, webhook or slack");
            });
        }
        return actions;
    }

    private static List<String> addresses(JsonNode to) {
        if (to == null || !to.isArray() || to.isEmpty()) {
            throw new InvalidAlertRuleException("actions.email",
                    "'actions.to' must be a non-empty array of e-mail addresses");
        }
        List<String> addresses = new ArrayList<>();
        for (JsonNode address : to) {
            // A plain check: the SMTP server is the judge; this catches what is plainly not an address.
            if (!address.isString() || !address.stringValue().matches("[^@\\s]+@[^@\\s]+")) {
                throw new InvalidAlertRuleException("actions.email",
                        "'actions.to' must hold e-mail addresses, not " + address);
            }
            addresses.add(address.stringValue());
        }
        return addresses;
    }

    /** @param field the form's field of this kind of target: {@code actions.webhook} or {@code actions.slack} */
    private String url(JsonNode action, String field, boolean judgeTarget) {
        JsonNode value = action.get("url");
        if (value == null || !value.isString()) {
            throw new InvalidAlertRuleException(field, "'actions.url' is required and must be a string");
        }
        String url = value.stringValue();
        if (!WebhookTargetGuard.isHttpUrl(url)) {
            throw new InvalidAlertRuleException(field,
                    "'actions.url' must be an absolute http(s) URL, not '" + url + "'");
        }
        if (judgeTarget) {
            targets.refusalAtSave(url).ifPresent(reason -> {
                throw new InvalidAlertRuleException(field, "'actions.url' is refused: " + reason);
            });
        }
        return url;
    }

    private static String string(JsonNode node, String path, boolean required) {
        JsonNode value = node.get(leaf(path));
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidAlertRuleException(path, "'" + path + "' is required");
            }
            return null;
        }
        if (!value.isString()) {
            throw new InvalidAlertRuleException(path, "'" + path + "' must be a string");
        }
        return value.stringValue();
    }

    private static JsonNode object(JsonNode node, String path, boolean required) {
        JsonNode value = node.get(leaf(path));
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidAlertRuleException(path, "'" + path + "' is required");
            }
            return null;
        }
        if (!value.isObject()) {
            throw new InvalidAlertRuleException(path, "'" + path + "' must be an object");
        }
        return value;
    }

    private static int integer(JsonNode node, String path, int min, int max) {
        JsonNode value = node.get(leaf(path));
        if (value == null || value.isNull()) {
            throw new InvalidAlertRuleException(path, "'" + path + "' is required");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
                || value.intValue() > max) {
            throw new InvalidAlertRuleException(path, "'" + path + "' must be an integer from " + min + " to " + max);
        }
        return value.intValue();
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
