package dev.picket.alerts;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes a notification as each target wants it: e-mail text, webhook JSON, Slack message. */
final class NotificationText {

    private final JsonMapper json;

    NotificationText(JsonMapper json) {
        this.json = json;
    }

    String subject(Notification n) {
        return "[Picket] " + n.shortId() + ": " + n.title();
    }

    String email(Notification n) {
        return String.join("\n", lines(n)) + "\n";
    }

    /** The webhook's body: every field of the notification, named for machines. */
    String webhook(Notification n) {
        ObjectNode body = json.createObjectNode();
        body.put("action", "triggered");
        body.putObject("rule").put("id", String.valueOf(n.ruleId())).put("name", n.ruleName())
                .put("condition", n.condition());
        body.put("reason", n.reason());
        body.putObject("issue")
                .put("id", String.valueOf(n.issueId()))
                .put("shortId", n.shortId())
                .put("title", n.title())
                .put("culprit", n.culprit())
                .put("level", n.level())
                .put("count", n.eventCount())
                .put("userCount", n.userCount())
                .put("firstSeen", n.firstSeen().toString())
                .put("url", n.link());
        body.put("organization", n.organization());
        body.put("project", n.project());
        body.put("environment", n.environment());
        body.put("release", n.release());
        body.put("firedAt", n.firedAt().toString());
        return json.writeValueAsString(body);
    }

    /** Slack's incoming-webhook shape: {@code text} as the fallback, the details in blocks. */
    String slack(Notification n) {
        ObjectNode body = json.createObjectNode();
        String headline = "*<" + n.link() + "|" + escape(n.shortId() + " " + n.title()) + ">*";
        body.put("text", n.shortId() + ": " + n.title() + " — " + n.reason());
        var blocks = body.putArray("blocks");
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                .put("text", headline + "\n" + escape(n.reason()));
        var fields = blocks.addObject().put("type", "section").putArray("fields");
        for (String field : details(n)) {
            fields.addObject().put("type", "mrkdwn").put("text", escape(field));
        }
        return json.writeValueAsString(body);
    }

    private static List<String> lines(Notification n) {
        List<String> lines = new ArrayList<>();
        lines.add(n.shortId() + ": " + n.title());
        lines.add("");
        lines.add("Alert: " + n.ruleName());
        lines.add("Why: " + n.reason());
        lines.addAll(details(n));
        lines.add("");
        lines.add(n.link());
        return lines;
    }

    private static List<String> details(Notification n) {
        return List.of(
                "Culprit: " + orNone(n.culprit()),
                "Project: " + n.project(),
                "Environment: " + orNone(n.environment()),
                "Release: " + orNone(n.release()),
                "Events: " + n.eventCount(),
                "Users: " + n.userCount(),
                "First seen: " + n.firstSeen());
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "none" : value;
    }

    /** Slack's mrkdwn reads &amp;, &lt; and &gt; as markup. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
