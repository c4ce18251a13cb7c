package dev.picket.bench;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Makes error events shaped like those the Python, Node and Java SDKs send (see the recordings in
 * {@code shared/reference/envelopes}): an exception with 10–40 frames, context lines and local
 * variables on in-app frames, a user, tags, contexts and the SDK block, 2–10 KB of JSON each; and,
 * if asked, transactions with a few spans. Everything an issue is grouped by (platform, exception
 * type, frames) comes from the event's group number only, so {@code groups} distinct numbers make
 * that many issues; users are drawn from {@code users} distinct ids.
 */
public final class EventFactory {

    private static final String[] PLATFORMS = {"python", "node", "java"};
    private static final String[] PYTHON_ERRORS = {"ZeroDivisionError", "KeyError", "ValueError", "PermissionError", "TimeoutError"};
    private static final String[] NODE_ERRORS = {"TypeError", "RangeError", "PaymentError", "SyntaxError", "ReferenceError"};
    private static final String[] JAVA_ERRORS = {"NullPointerException", "IllegalStateException", "IllegalArgumentException", "ArithmeticException", "UnsupportedOperationException"};
    private static final String[] FEATURES = {"orders", "payments", "billing", "checkout", "invoices", "shipping", "accounts", "search"};
    private static final String[] VERBS = {"handle", "process", "validate", "charge", "load", "render", "dispatch", "apply"};

    private final int groups;
    private final int users;
    private final double transactionShare;
    private final SplittableRandom random;

    public EventFactory(int groups, int users, double transactionShare, long seed) {
        if (groups < 1 || users < 1) {
            throw new IllegalArgumentException("groups and users must be at least 1");
        }
        if (transactionShare < 0 || transactionShare > 1) {
            throw new IllegalArgumentException("the transaction share must be between 0 and 1");
        }
        this.groups = groups;
        this.users = users;
        this.transactionShare = transactionShare;
        this.random = new SplittableRandom(seed);
    }

    /** The next envelope, uncompressed: an error event, or a transaction in the configured share. */
    public byte[] nextEnvelope() {
        String eventId = hex(16);
        String traceId = hex(16);
        boolean isTransaction = random.nextDouble() < transactionShare;
        String item = isTransaction
                ? transaction(eventId, traceId)
                : errorEvent(eventId, traceId, random.nextInt(groups), random.nextInt(users));
        byte[] payload = item.getBytes(StandardCharsets.UTF_8);
        String itemType = isTransaction ? "transaction" : "event";
        String header = "{\"event_id\":\"" + eventId + "\",\"sent_at\":\"2026-11-25T12:00:00.000Z\","
                + "\"trace\":{\"trace_id\":\"" + traceId + "\",\"environment\":\"production\",\"release\":\"bench@1.0.0\"}}\n"
                + "{\"type\":\"" + itemType + "\",\"content_type\":\"application/json\",\"length\":" + payload.length + "}\n";
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        byte[] envelope = new byte[head.length + payload.length + 1];
        System.arraycopy(head, 0, envelope, 0, head.length);
        System.arraycopy(payload, 0, envelope, head.length, payload.length);
        envelope[envelope.length - 1] = '\n';
        return envelope;
    }

    private String errorEvent(String eventId, String traceId, int group, int user) {
        // The group's own random source: the same group always gets the same stack and exception.
        SplittableRandom shape = new SplittableRandom(0x5eed_0000L + group);
        String platform = PLATFORMS[group % PLATFORMS.length];
        String feature = FEATURES[shape.nextInt(FEATURES.length)];
        String type = switch (platform) {
            case "python" -> PYTHON_ERRORS[shape.nextInt(PYTHON_ERRORS.length)];
            case "node" -> NODE_ERRORS[shape.nextInt(NODE_ERRORS.length)];
            default -> JAVA_ERRORS[shape.nextInt(JAVA_ERRORS.length)];
        };
        int frameCount = 10 + shape.nextInt(31);
        StringBuilder json = new StringBuilder(frameCount * 260 + 1500);
        json.append("{\"event_id\":\"").append(eventId).append("\",\"timestamp\":").append(1795000000 + random.nextInt(86_400))
                .append(",\"platform\":\"").append(platform).append("\",\"level\":\"error\"")
                .append(",\"release\":\"").append(feature).append("@2.").append(group % 7).append(".0\",\"environment\":\"production\"")
                .append(",\"server_name\":\"").append(feature).append("-fn-").append(random.nextInt(40)).append('"')
                .append(",\"exception\":{\"values\":[{\"type\":\"").append(type).append("\",\"value\":\"")
                .append(type).append(" while ").append(VERBS[group % VERBS.length]).append("ing order ").append(random.nextInt(1_000_000))
                .append("\",\"module\":\"").append(module(platform, feature, group, 0))
                .append("\",\"mechanism\":{\"type\":\"").append(platform.equals("node") ? "onuncaughtexception" : "generic")
                .append("\",\"handled\":false},\"stacktrace\":{\"frames\":[");
        for (int f = 0; f < frameCount; f++) {
            if (f > 0) {
                json.append(',');
            }
            frame(json, platform, feature, group, f, frameCount, shape);
        }
        json.append("]}}]}")
                .append(",\"user\":{\"id\":\"u").append(user).append("\",\"email\":\"user").append(user)
                .append("@example.com\",\"ip_address\":\"127.0.").append(user / 250 % 250).append('.').append(user % 250).append("\"}")
                .append(",\"tags\":{\"function\":\"").append(feature).append("\",\"region\":\"eu-west-").append(1 + group % 3)
                .append("\",\"cold_start\":\"").append(random.nextBoolean()).append("\"}")
                .append(",\"contexts\":{\"trace\":{\"trace_id\":\"").append(traceId).append("\",\"span_id\":\"").append(hex(8))
                .append("\",\"op\":\"function\"},\"runtime\":{\"name\":\"").append(runtime(platform)).append("\"},")
                .append("\"aws_lambda\":{\"function_name\":\"").append(feature).append("-handler\",\"aws_request_id\":\"").append(hex(16))
                .append("\",\"remaining_time_in_millis\":").append(random.nextInt(30_000)).append("}}")
                .append(",\"extra\":{\"order_total\":").append(random.nextInt(100_000)).append(",\"retries\":").append(random.nextInt(4)).append('}')
                .append(",\"breadcrumbs\":{\"values\":[");
        for (int b = 0; b < 3; b++) {
            json.append(b > 0 ? "," : "").append("{\"timestamp\":").append(1795000000 + b).append(",\"category\":\"http\",\"type\":\"http\",\"data\":{\"method\":\"POST\",\"url\":\"https://api.example.com/")
                    .append(feature).append('/').append(random.nextInt(10_000)).append("\",\"status_code\":200}}");
        }
        json.append("]},\"sdk\":{\"name\":\"").append(sdkName(platform)).append("\",\"version\":\"").append(sdkVersion(platform)).append("\"}}");
        return json.toString();
    }

    private void frame(StringBuilder json, String platform, String feature, int group, int index, int frameCount,
                       SplittableRandom shape) {
        // The outer three quarters of a stack are framework code, the innermost quarter the application's own.
        boolean inApp = index >= frameCount * 3 / 4;
        String module = inApp ? module(platform, feature, group, index) : library(platform, index);
        String function = VERBS[(group + index) % VERBS.length] + "_" + FEATURES[(index * 7 + group) % FEATURES.length];
        int line = 10 + shape.nextInt(400);
        json.append("{\"function\":\"").append(function).append("\",\"module\":\"").append(module)
                .append("\",\"filename\":\"").append(module.replace('.', '/')).append(extension(platform))
                .append("\",\"lineno\":").append(line).append(",\"in_app\":").append(inApp);
        if (inApp && !platform.equals("java")) {
            json.append(",\"abs_path\":\"/var/task/").append(module.replace('.', '/')).append(extension(platform)).append('"');
            json.append(",\"pre_context\":[\"    order = load_order(order_id)\"],\"context_line\":\"    result = ")
                    .append(function).append("(order, attempt=attempt)\",\"post_context\":[\"    return result\"]")
                    .append(",\"vars\":{\"order_id\":\"").append(random.nextInt(1_000_000)).append("\",\"attempt\":\"")
                    .append(random.nextInt(3)).append("\"}");
        }
        json.append('}');
    }

    private String transaction(String eventId, String traceId) {
        String feature = FEATURES[random.nextInt(FEATURES.length)];
        double start = 1795000000 + random.nextInt(86_400) + random.nextDouble();
        StringBuilder json = new StringBuilder(2048);
        json.append("{\"event_id\":\"").append(eventId).append("\",\"type\":\"transaction\",\"platform\":\"python\"")
                .append(",\"transaction\":\"").append(feature).append("-handler\",\"transaction_info\":{\"source\":\"component\"}")
                .append(",\"start_timestamp\":").append(start).append(",\"timestamp\":").append(start + 0.25)
                .append(",\"release\":\"bench@1.0.0\",\"environment\":\"production\"")
                .append(",\"contexts\":{\"trace\":{\"trace_id\":\"").append(traceId).append("\",\"span_id\":\"").append(hex(8))
                .append("\",\"op\":\"function.aws\",\"status\":\"ok\"}},\"spans\":[");
        for (int s = 0; s < 4; s++) {
            json.append(s > 0 ? "," : "").append("{\"span_id\":\"").append(hex(8)).append("\",\"trace_id\":\"").append(traceId)
                    .append("\",\"op\":\"db.query\",\"description\":\"SELECT * FROM ").append(feature).append(" WHERE id = %s\"")
                    .append(",\"start_timestamp\":").append(start + s * 0.05).append(",\"timestamp\":").append(start + s * 0.05 + 0.04).append('}');
        }
        json.append("],\"sdk\":{\"name\":\"sentry.python\",\"version\":\"1.9.10\"}}");
        return json.toString();
    }

    private static String module(String platform, String feature, int group, int index) {
        return switch (platform) {
            case "java" -> "com.example." + feature + ".Service" + (group % 50) + "$Step" + index;
            default -> "app." + feature + ".handler_" + (group % 50) + ".step_" + index;
        };
    }

    private static String library(String platform, int index) {
        return switch (platform) {
            case "python" -> "awslambdaric.layer_" + index;
            case "node" -> "node_modules.express.layer_" + index;
            default -> "org.springframework.web.Layer" + index;
        };
    }

    private static String extension(String platform) {
        return switch (platform) {
            case "python" -> ".py";
            case "node" -> ".js";
            default -> ".java";
        };
    }

    private static String runtime(String platform) {
        return switch (platform) {
            case "python" -> "CPython";
            case "node" -> "node";
            default -> "Eclipse Adoptium";
        };
    }

    private static String sdkName(String platform) {
        return switch (platform) {
            case "python" -> "sentry.python.aws_lambda";
            case "node" -> "sentry.javascript.node";
            default -> "sentry.java";
        };
    }

    private static String sdkVersion(String platform) {
        return switch (platform) {
            case "python" -> "1.9.10";
            case "node" -> "11.12.0";
            default -> "8.20.0";
        };
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
