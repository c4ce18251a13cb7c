package dev.picket.serverless.gcp;

import dev.picket.serverless.FunctionContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code contexts.gcp} from the variables Cloud Functions and Cloud Run set, and a Cloud Logging link. */
final class CloudFunctionContext implements FunctionContext {

    private final Map<String, String> env;
    private final String executionId;

    CloudFunctionContext(Map<String, String> env, String executionId) {
        this.env = env;
        this.executionId = executionId;
    }

    /** 2nd-gen functions run on Cloud Run and set {@code K_SERVICE}; 1st-gen ones set {@code FUNCTION_NAME}. */
    String functionName() {
        return first("K_SERVICE", "FUNCTION_NAME", "FUNCTION_TARGET");
    }

    @Override
    public String key() {
        return "gcp";
    }

    @Override
    public Map<String, Object> values(long executionMillis) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("function_name", functionName());
        values.put("function_entry_point", env.get("FUNCTION_TARGET"));
        values.put("function_region", env.get("FUNCTION_REGION"));
        values.put("function_project", project());
        values.put("function_revision", env.get("K_REVISION"));
        values.put("function_identity", env.get("FUNCTION_IDENTITY"));
        values.put("execution_id", executionId);
        values.put("execution_duration_in_millis", executionMillis);
        values.values().removeIf(java.util.Objects::isNull);
        return values;
    }

    @Override
    public Map<String, Object> extras(Instant started, Instant now) {
        String project = project();
        String name = functionName();
        if (project == null || name == null) {
            return Map.of();
        }
        String query = "resource.labels.service_name=\"" + name + "\" OR resource.labels.function_name=\"" + name + "\"";
        String url = "https://console.cloud.google.com/logs/query;query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20")
                + ";startTime=" + started.minusSeconds(1) + ";endTime=" + now.plusSeconds(2)
                + "?project=" + project;
        return Map.of("google cloud logs", Map.of("url", url));
    }

    private String project() {
        return first("GOOGLE_CLOUD_PROJECT", "GCP_PROJECT", "GCLOUD_PROJECT");
    }

    private String first(String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
