package dev.picket.processing.scrub;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes private data from an event before it is stored, like Sentry's server-side data scrubbing:
 * values under sensitive keys become {@code [Filtered]}, recognised secrets inside strings are cut
 * out, and every change is explained in the event's {@code _meta}.
 *
 * <p>What is scrubbed: request data, query string, cookies, headers (not User-Agent) and env;
 * {@code extra}; {@code contexts}; {@code tags}; breadcrumb messages and data; the variables and the
 * source lines of every stack frame (exceptions, threads, top-level stack trace); {@code user};
 * log entry parameters; span data. Log messages, exception values and the request URL keep their
 * text and only have recognised secrets (cards, IBANs, bearer tokens, URL passwords, SSNs, e-mails)
 * replaced, because they matter for grouping and reading.
 *
 * <p>Thread-safe. Compiled rules are cached per configuration, so one instance serves all projects.
 */
public final class Scrubber {

    /** Bounds the cache if configurations churn; recompiling is cheap, unbounded growth is not. */
    private static final int MAX_CACHED_CONFIGS = 1024;

    private final Map<ScrubbingConfig, CompiledRules> compiled = new ConcurrentHashMap<>();

    /**
     * Scrubs {@code event} in place and records each removal in its {@code _meta}. A disabled
     * configuration, or an event with nothing to scrub, leaves the event untouched.
     */
    public ScrubReport scrub(ObjectNode event, ScrubbingConfig config) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(config, "config");
        if (!config.enabled()) {
            return ScrubReport.NOTHING;
        }
        MetaRecorder meta = new MetaRecorder();
        new EventWalker(rulesFor(config), meta).walk(event);
        meta.writeTo(event);
        return meta.report();
    }

    private CompiledRules rulesFor(ScrubbingConfig config) {
        CompiledRules rules = compiled.get(config);
        if (rules != null) {
            return rules;
        }
        if (compiled.size() >= MAX_CACHED_CONFIGS) {
            compiled.clear();
        }
        return compiled.computeIfAbsent(config, CompiledRules::of);
    }
}
