package dev.picket.web;

import java.util.List;

/**
 * An event as the issue page shows it. Every string comes from the event as the SDK sent it and is
 * untrusted: templates print it only as escaped text.
 *
 * @param exceptions the exception chain, the one raised last first, each followed by its cause
 * @param function   the serverless function the event happened in, or null
 * @param sdk        "name version", or null
 * @param json       the whole event, pretty-printed
 */
record EventView(String eventId, String timestamp, String message, String level, String platform, String release,
                 String environment, String transaction, List<ExceptionView> exceptions,
                 List<BreadcrumbView> breadcrumbs, RequestView request, List<Field> user, FunctionView function,
                 List<ContextView> contexts, List<Field> tags, String sdk, String json) {

    /** A name and its value, both as text. */
    record Field(String name, String value) {
    }

    /**
     * @param relation how it relates to the exception shown before it ("Caused by"), null for the first
     */
    record ExceptionView(String type, String value, String module, String mechanism, Boolean handled,
                         String relation, List<FrameView> frames) {
    }

    /** A stack frame; {@code context} holds its source lines around {@code lineno} when the SDK sent them. */
    record FrameView(String location, String function, String lineno, boolean inApp, List<SourceLine> context,
                     List<Field> vars) {
    }

    record SourceLine(String lineno, String code, boolean current) {
    }

    record BreadcrumbView(String timestamp, String type, String category, String level, String message,
                          List<Field> data) {
    }

    record RequestView(String method, String url, String queryString, List<Field> headers, String data) {
    }

    record ContextView(String name, List<Field> fields) {
    }

    /**
     * The serverless function of an event ({@code contexts.aws_lambda} or {@code contexts.gcp}).
     *
     * @param provider "AWS Lambda" or "Google Cloud Functions"
     */
    record FunctionView(String provider, String name, String requestId, String memory, String region,
                        String coldStart) {
    }
}
