package dev.picket.processing.grouping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Groups browser security reports: a CSP violation by its directive and either the kind of
 * inline/eval violation or the blocked origin; HPKP, Expect-CT and Expect-Staple reports by host.
 */
final class SecurityReportGrouping {

    private static final String SELF = "'self'";
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$", Pattern.DOTALL);
    /** Schemes whose URLs Python's urlunsplit writes with {@code //}, as Sentry's normalization does. */
    private static final Set<String> NETLOC_SCHEMES = Set.of("", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais",
            "file", "mms", "https", "shttp", "snews", "prospero", "rtsp", "rtsps", "rtspu", "rsync", "svn", "svn+ssh", "sftp",
            "nfs", "git", "git+ssh", "ws", "wss", "itms-services");

    private SecurityReportGrouping() {
    }

    /** The report's grouping node under the {@code default} variant, or an empty map for other events. */
    static Map<String, GroupingComponent> group(JsonNode event) {
        Map<String, GroupingComponent> result = new LinkedHashMap<>();
        JsonNode csp = Json.at(event, "csp");
        if (csp != null && csp.isObject()) {
            result.put("default", csp(csp));
            return result;
        }
        for (String kind : List.of("hpkp", "expectstaple", "expectct")) {
            JsonNode report = Json.at(event, kind);
            if (report != null && report.isObject()) {
                String id = switch (kind) {
                    case "expectct" -> "expect-ct";
                    case "expectstaple" -> "expect-staple";
                    default -> kind;
                };
                result.put("default", new GroupingComponent(id, List.of(
                        GroupingComponent.of("salt", id), GroupingComponent.of("hostname", Json.text(report, "hostname")))));
                return result;
            }
        }
        return result;
    }

    private static GroupingComponent csp(JsonNode csp) {
        String effectiveDirective = Json.text(csp, "effective_directive");
        String violatedDirective = Json.text(csp, "violated_directive");
        String blockedUri = normalizeUri(Json.text(csp, "blocked_uri"));
        String localViolation = null;
        if (violatedDirective != null && !violatedDirective.isEmpty() && "script-src".equals(effectiveDirective) && SELF.equals(blockedUri)) {
            if (violatedDirective.contains("'unsafe-inline'")) {
                localViolation = "unsafe-inline";
            } else if (violatedDirective.contains("'unsafe-eval'")) {
                localViolation = "unsafe-eval";
            }
        }
        GroupingComponent violation = GroupingComponent.empty("violation");
        GroupingComponent uri = GroupingComponent.of("uri", blockedUri);
        if (localViolation != null) {
            violation.replaceValues(List.of("'" + localViolation + "'"), null);
            uri.exclude("violation takes precedence");
        } else {
            violation.exclude("not a local script violation");
        }
        return new GroupingComponent("csp", List.of(GroupingComponent.of("salt", effectiveDirective), violation, uri));
    }

    /** The blocked URI reduced to its origin: the host for web URLs, {@code scheme:} for data, blob and the like. */
    static String normalizeUri(String value) {
        if (value == null || value.isEmpty() || value.equals(SELF) || value.equals("self")) {
            return SELF;
        }
        String scheme;
        String host;
        Matcher matcher = SCHEME.matcher(value);
        if (!value.contains(":")) {
            scheme = value;
            host = "";
        } else if (matcher.matches()) {
            scheme = matcher.group(1).toLowerCase(Locale.ROOT);
            host = netloc(matcher.group(2));
            if (scheme.equals("http") || scheme.equals("https")) {
                return host;
            }
        } else {
            scheme = "";
            host = netloc(value);
        }
        if (!host.isEmpty() || NETLOC_SCHEMES.contains(scheme)) {
            return (scheme.isEmpty() ? "" : scheme + ":") + "//" + host;
        }
        return scheme + ":";
    }

    private static String netloc(String rest) {
        if (!rest.startsWith("//")) {
            return "";
        }
        int end = rest.length();
        for (char delimiter : new char[] {'/', '?', '#'}) {
            int at = rest.indexOf(delimiter, 2);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return rest.substring(2, end);
    }
}
