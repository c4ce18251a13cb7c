package dev.picket.processing.grouping;

import java.util.BitSet;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The fields of a stack frame that grouping reads. {@code inApp} and {@code category} are mutable:
 * the stack trace rules mark frames in or out of the app and put them in categories before grouping.
 */
final class Frame {

    final String function;
    final String rawFunction;
    final String module;
    final String filename;
    final String absPath;
    final String packageName;
    final String contextLine;
    final String platform;
    private final String family;
    final String lineno;
    final String colno;
    final boolean sourcemapUsed;
    boolean inApp;
    String category;
    /** The rules of {@link #ruleMatchesOf} that the frame's own fields match, for each pass of them over its stack trace. */
    BitSet ownRuleMatches;
    StackRules ruleMatchesOf;
    // The paths rules match are lower-cased only when some rule is tried on the frame.
    private String pathForMatching;
    private String filenameForMatching;
    private String packageForMatching;
    private String functionForMatching;
    private boolean functionForMatchingKnown;

    private Frame(JsonNode frame, String eventPlatform) {
        function = Json.text(frame, "function");
        rawFunction = Json.text(frame, "raw_function");
        module = Json.text(frame, "module");
        filename = withoutQuery(Json.text(frame, "filename"), eventPlatform);
        absPath = Json.text(frame, "abs_path");
        packageName = Json.text(frame, "package");
        contextLine = Json.text(frame, "context_line");
        String own = Json.text(frame, "platform");
        platform = own != null ? own : eventPlatform;
        family = Platforms.family(platform);
        lineno = Json.text(frame, "lineno");
        colno = Json.text(frame, "colno");
        sourcemapUsed = Json.at(frame, "data", "sourcemap") != null;
        inApp = Json.isTrue(frame, "in_app");
        category = Json.text(frame, "data", "category");
    }

    /** Rules match paths case-insensitively and with forward slashes. */
    private static String normalizedPath(String value) {
        return value == null ? null : value.replace('\\', '/').toLowerCase(Locale.ROOT);
    }

    String pathForMatching() {
        if (pathForMatching == null) {
            pathForMatching = normalizedPath(absPath != null && !absPath.isEmpty() ? absPath : filename);
        }
        return pathForMatching;
    }

    String filenameForMatching() {
        if (filenameForMatching == null) {
            filenameForMatching = normalizedPath(filename);
        }
        return filenameForMatching;
    }

    String packageForMatching() {
        if (packageForMatching == null) {
            packageForMatching = normalizedPath(packageName);
        }
        return packageForMatching;
    }

    /** Browser file names carry cache-busting query strings ({@code app.js?v=3}) that must not split issues. */
    private static String withoutQuery(String filename, String eventPlatform) {
        if (filename == null || !"javascript".equals(eventPlatform)) {
            return filename;
        }
        int question = filename.indexOf('?');
        if (question < 0) {
            return filename;
        }
        int fragment = filename.indexOf('#', question);
        String query = filename.substring(question + 1, fragment < 0 ? filename.length() : fragment);
        return query.isEmpty() ? filename : filename.replace("?" + query, "");
    }

    static Frame of(JsonNode frame, String eventPlatform) {
        return new Frame(frame, eventPlatform);
    }

    /** The function name as the stack trace rules see it: trimmed, unless the SDK sent the raw name apart. */
    String functionForMatching() {
        if (!functionForMatchingKnown) {
            // hundreds of rules ask for it; trimming a native name is not free
            if (rawFunction != null && !rawFunction.isEmpty()) {
                functionForMatching = function;
            } else {
                functionForMatching = function == null || function.isEmpty() ? null : trimmed(function);
            }
            functionForMatchingKnown = true;
        }
        return functionForMatching;
    }

    /** Native names lose arguments, return types and generics; C# names lose their signature. */
    String trimmed(String name) {
        if ("csharp".equals(platform)) {
            int signature = name.indexOf(" (");
            return signature < 0 ? name : name.substring(0, signature);
        }
        return family().equals(Platforms.NATIVE) ? NativeFunctionNames.trim(name) : name;
    }

    String family() {
        return family;
    }

    /** Two consecutive frames with the same location are one recursive call repeated. */
    boolean sameCallSiteAs(Frame other) {
        return other != null
                && Objects.equals(absPath, other.absPath)
                && Objects.equals(packageName, other.packageName)
                && Objects.equals(module, other.module)
                && Objects.equals(filename, other.filename)
                && Objects.equals(function, other.function)
                && Objects.equals(lineno, other.lineno)
                && Objects.equals(colno, other.colno);
    }
}
