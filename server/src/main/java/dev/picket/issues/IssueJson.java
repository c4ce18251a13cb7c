package dev.picket.issues;

import tools.jackson.databind.json.JsonMapper;

/** The JSON form of issue columns that hold documents. */
final class IssueJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private IssueJson() {
    }

    static String metadata(IssueMetadata metadata) {
        return JSON.writeValueAsString(metadata == null ? new IssueMetadata(null, null, null, null, null) : metadata);
    }

    static IssueMetadata metadata(String json) {
        return JSON.readValue(json, IssueMetadata.class);
    }
}
