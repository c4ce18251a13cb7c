package dev.picket.ingest;

/**
 * Which ingest endpoint a request path names: {@code /api/{projectId}/envelope/}, {@code …/store/}
 * or {@code …/security/}, the trailing slash optional. The project segment is kept as sent so
 * that a malformed one gets ingestion's own 400.
 *
 * @param projectId the project segment of the path, not yet checked
 * @param endpoint  the endpoint
 */
record IngestRoute(String projectId, Endpoint endpoint) {

    private static final String PREFIX = "/api/";

    enum Endpoint {
        ENVELOPE("envelope"), STORE("store"), SECURITY("security");

        private final String segment;

        Endpoint(String segment) {
            this.segment = segment;
        }

        /** The label of this endpoint in Picket's metrics. */
        String metricName() {
            return segment;
        }
    }

    /** The route of {@code path}, or null when it is not an ingest endpoint. */
    static IngestRoute match(String path) {
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        int slash = path.indexOf('/', PREFIX.length());
        if (slash <= PREFIX.length()) {
            return null;
        }
        int end = path.endsWith("/") ? path.length() - 1 : path.length();
        if (end <= slash) {
            return null;
        }
        for (Endpoint endpoint : Endpoint.values()) {
            if (end - slash - 1 == endpoint.segment.length() && path.startsWith(endpoint.segment, slash + 1)) {
                return new IngestRoute(path.substring(PREFIX.length(), slash), endpoint);
            }
        }
        return null;
    }
}
