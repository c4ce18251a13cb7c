package dev.picket.alerts;

import java.util.List;

/** Where a rule's alerts go. */
public sealed interface AlertAction {

    /** The history's name of the target kind: email, webhook or slack. */
    String type();

    /** The address(es) or URL, as the history shows them. */
    String target();

    /** An e-mail to these addresses, over the configured SMTP server. */
    record Email(List<String> to) implements AlertAction {
        public Email {
            to = List.copyOf(to);
        }

        @Override
        public String type() {
            return "email";
        }

        @Override
        public String target() {
            return String.join(", ", to);
        }
    }

    /** A JSON POST signed with the rule's secret ({@code X-Picket-Signature}). */
    record Webhook(String url) implements AlertAction {
        @Override
        public String type() {
            return "webhook";
        }

        @Override
        public String target() {
            return url;
        }
    }

    /** A message to a Slack-compatible incoming webhook. */
    record Slack(String url) implements AlertAction {
        @Override
        public String type() {
            return "slack";
        }

        @Override
        public String target() {
            return url;
        }
    }
}
