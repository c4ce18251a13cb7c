package dev.picket.processing.normalize;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tags Sentry adds to every event from its fields and interfaces: level, logger, environment,
 * release, dist, transaction, server name, site, user, URL, the context tags (os, browser, runtime,
 * device, gpu, trace), the first exception's mechanism and handled flag, and — for serverless — the
 * function name and cold start.
 */
final class DerivedTags {

    private DerivedTags() {
    }

    static void add(EventTags tags, ObjectNode event, UserIdentity user, ObjectNode request) {
        tags.derive("level", Nodes.string(event, "level"));
        tags.derive("logger", Nodes.string(event, "logger"));
        tags.derive("environment", Nodes.string(event, "environment"));
        tags.derive("release", Nodes.string(event, "release"));
        tags.derive("dist", Nodes.string(event, "dist"));
        tags.derive("transaction", Nodes.string(event, "transaction"));
        tags.derive("server_name", Nodes.string(event, "server_name"));
        tags.derive("site", Nodes.string(event, "site"));
        tags.derive("user", user == null ? null : user.key());
        tags.derive("url", Requests.tagUrl(request));
        contexts(tags, Nodes.object(event, "contexts"));
        mechanism(tags, event);
        serverless(tags, Nodes.object(event, "contexts"));
    }

    private static void contexts(EventTags tags, ObjectNode contexts) {
        if (contexts == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : contexts.properties()) {
            if (!(entry.getValue() instanceof ObjectNode context)) {
                continue;
            }
            String alias = entry.getKey();
            String type = Nodes.string(context, "type");
            switch (type == null ? alias : type) {
                case "os" -> {
                    tags.derive(alias, Nodes.string(context, "os"));
                    tags.derive(alias + ".name", Nodes.string(context, "name"));
                    JsonNode rooted = context.get("rooted");
                    if (rooted != null && rooted.isBoolean()) {
                        tags.derive(alias + ".rooted", rooted.booleanValue() ? "yes" : "no");
                    }
                }
                case "browser" -> {
                    tags.derive(alias, Nodes.string(context, "browser"));
                    tags.derive(alias + ".name", Nodes.string(context, "name"));
                }
                case "runtime" -> {
                    tags.derive(alias, Nodes.string(context, "runtime"));
                    tags.derive(alias + ".name", Nodes.string(context, "name"));
                }
                case "device" -> {
                    tags.derive(alias, Nodes.string(context, "model"));
                    tags.derive(alias + ".family", Nodes.string(context, "family"));
                }
                case "gpu" -> {
                    tags.derive(alias + ".name", Nodes.string(context, "name"));
                    tags.derive(alias + ".vendor", Nodes.string(context, "vendor_name"));
                }
                case "trace" -> tags.derive("trace", Nodes.string(context, "trace_id"));
                default -> {
                }
            }
        }
    }

    /** Sentry tags the first exception's mechanism (its type, and handled yes/no). */
    private static void mechanism(EventTags tags, ObjectNode event) {
        var exceptions = Nodes.values(event, "exception");
        if (exceptions == null || exceptions.isEmpty()) {
            return;
        }
        ObjectNode mechanism = Nodes.object(exceptions.get(0), "mechanism");
        if (mechanism == null) {
            return;
        }
        tags.derive("mechanism", Nodes.string(mechanism, "type"));
        JsonNode handled = mechanism.get("handled");
        if (handled != null && handled.isBoolean()) {
            tags.derive("handled", handled.booleanValue() ? "yes" : "no");
        }
    }

    private static void serverless(EventTags tags, ObjectNode contexts) {
        ObjectNode lambda = Nodes.object(contexts, "aws_lambda");
        ObjectNode gcp = Nodes.object(contexts, "gcp");
        ObjectNode faas = Nodes.object(contexts, "faas");
        ObjectNode cloud = Nodes.object(contexts, "cloud_resource");
        String function = first(Nodes.string(lambda, "function_name"), Nodes.string(gcp, "function_name"),
                Nodes.string(faas, "name"), Nodes.string(cloud, "faas.name"));
        tags.derive("function", function);
        for (ObjectNode context : new ObjectNode[] {lambda, gcp, faas, cloud}) {
            JsonNode cold = context == null ? null : first(context.get("cold_start"), context.get("coldstart"), context.get("faas.coldstart"));
            if (cold != null && cold.isBoolean()) {
                tags.derive("cold_start", String.valueOf(cold.booleanValue()));
                return;
            }
        }
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
