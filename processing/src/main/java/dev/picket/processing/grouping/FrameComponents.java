package dev.picket.processing.grouping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Builds the grouping node of one frame: module or file name, function, and source line where trusted. */
final class FrameComponents {

    private static final Pattern RUBY_ERB_SUFFIX = Pattern.compile("__\\d{4,}_\\d{4,}$");
    private static final Pattern JAVASSIST = Pattern.compile("(\\$\\$_javassist)(?:_seam)?(?:_[0-9]+)?");
    // Code generators put counters and hashes into class names; they must not split issues.
    static final List<CodegenMarker> CODEGEN_MARKERS = List.of(
            new CodegenMarker("sun.reflect.Generated", "(sun\\.reflect\\.Generated(?:Serialization)?ConstructorAccessor)\\d+"),
            new CodegenMarker("CGLIB$$", "(\\$\\$[\\w_]+?CGLIB\\$\\$)[a-fA-F0-9]+(_[0-9]+)?"),
            new CodegenMarker("$$_javassist", JAVASSIST.pattern()),
            new CodegenMarker("$fn__", "(\\$fn__)\\d+"),
            new CodegenMarker("$EnhancerBy", "(\\$\\$?EnhancerBy[\\w_]+?\\$?\\$)[a-fA-F0-9]+(_[0-9]+)?"),
            new CodegenMarker("$FastClassBy", "(\\$\\$?FastClassBy[\\w_]+?\\$?\\$)[a-fA-F0-9]+(_[0-9]+)?"),
            new CodegenMarker("$HibernateProxy$", "(\\$\\$?HibernateProxy\\$?\\$)\\w+(_[0-9]+)?"));

    private static final Set<String> UNKNOWN_JS_FUNCTIONS = Set.of("?", "<anonymous function>", "<anonymous>", "Anonymous function");
    private static final Set<String> LOW_QUALITY_JS_PATHS = Set.of("[native code]", "native code", "eval code", "<anonymous>");

    private FrameComponents() {
    }

    static GroupingComponent frame(Frame frame) {
        String platform = frame.platform;
        GroupingComponent filename = filename(frame.absPath, frame.filename, platform);
        GroupingComponent module = module(frame.absPath, frame.module, platform);
        if (module.contributes() && filename.contributes()) {
            filename.exclude("ignored because module takes precedence");
        }
        GroupingComponent contextLine = null;
        if (frame.contextLine != null && !frame.contextLine.isEmpty() && Platforms.usesContextLine(platform)) {
            contextLine = contextLine(frame);
        }
        GroupingComponent function = function(frame, contextLine != null && contextLine.contributes());

        List<GroupingComponent> values = new ArrayList<>(List.of(module, filename, function));
        if (contextLine != null) {
            values.add(contextLine);
        }
        GroupingComponent component = new GroupingComponent("frame", values, frame.inApp);

        if (frame.family().equals(Platforms.JAVASCRIPT)) {
            String func = frame.rawFunction != null && !frame.rawFunction.isEmpty() ? frame.rawFunction : frame.function;
            if (func != null && !func.isEmpty()) {
                func = lastDotted(func);
            }
            if (func == null || func.isEmpty()) {
                function.exclude(null);
            } else if (UNKNOWN_JS_FUNCTIONS.contains(func) || func.endsWith("/<")) {
                function.exclude("ignored unknown function name");
            }
            if ("eval".equals(func) || (frame.absPath != null && LOW_QUALITY_JS_PATHS.contains(frame.absPath))) {
                component.exclude("ignored low quality javascript frame");
            }
        }
        return component;
    }

    private static GroupingComponent filename(String absPath, String filename, String platform) {
        if (filename == null) {
            return GroupingComponent.empty("filename");
        }
        int separator = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
        String base = filename.substring(separator + 1).toLowerCase(Locale.ROOT);
        GroupingComponent component = GroupingComponent.of("filename", base);
        if (Platforms.hasUrlOrigin(absPath, false)) {
            component.exclude("ignored because frame points to a URL");
        } else if (base.equals("<anonymous>")) {
            component.exclude("ignored because filename is anonymous");
        } else if (base.equals("[native code]")) {
            component.exclude("ignored because filename suggests native code");
        } else if ("java".equals(platform) && base.contains("$$_javassist")) {
            String cleaned = JAVASSIST.matcher(base).replaceAll("$1<auto>");
            if (!cleaned.equals(base)) {
                component.replaceValues(List.of(cleaned), "cleaned javassist parts");
            }
        }
        return component;
    }

    private static GroupingComponent module(String absPath, String module, String platform) {
        if (module == null) {
            return GroupingComponent.empty("module");
        }
        GroupingComponent component = GroupingComponent.of("module", module);
        if ("javascript".equals(platform) && module.contains("/") && absPath != null && absPath.endsWith(module)) {
            component.exclude("ignored bad javascript module");
        } else if ("java".equals(platform)) {
            if (module.contains("$$Lambda$")) {
                component.exclude("ignored java lambda");
            }
            if (module.startsWith("sun.reflect.GeneratedMethodAccessor")) {
                component.replaceValues(List.of("sun.reflect.GeneratedMethodAccessor"), "removed reflection marker");
            } else if (module.startsWith("jdk.internal.reflect.GeneratedMethodAccessor")) {
                component.replaceValues(List.of("jdk.internal.reflect.GeneratedMethodAccessor"), "removed reflection marker");
            } else if (module.indexOf('$') >= 0 || module.contains("ConstructorAccessor")) {
                // Each marker has a "$" but the reflection one: most modules need none of the regexes.
                String cleaned = withoutCodegenMarkers(module);
                if (!cleaned.equals(module)) {
                    component.replaceValues(List.of(cleaned), "removed codegen marker");
                }
            }
        }
        return component;
    }

    /** Each marker replaced by {@code <auto>}, in order. */
    static String withoutCodegenMarkers(String module) {
        String cleaned = module;
        for (CodegenMarker marker : CODEGEN_MARKERS) {
            cleaned = marker.removeFrom(cleaned);
        }
        return cleaned;
    }

    /**
     * A code generator's marker and the literal text every match of it holds: without that text
     * the regex cannot match, and most modules have none.
     */
    record CodegenMarker(String literal, Pattern pattern) {

        CodegenMarker(String literal, String regex) {
            this(literal, Pattern.compile(regex));
        }

        String removeFrom(String module) {
            return module.contains(literal) ? pattern.matcher(module).replaceAll("$1<auto>") : module;
        }
    }

    private static GroupingComponent function(Frame frame, boolean contextLineContributes) {
        String platform = frame.platform;
        String func;
        if ("csharp".equals(platform)) {
            // Sentry trims C# names into `function` late, so it groups by the untrimmed raw name.
            func = nonEmpty(frame.rawFunction) != null ? frame.rawFunction : frame.function;
        } else {
            func = nonEmpty(frame.function) != null ? frame.function : frame.rawFunction;
            if (nonEmpty(frame.rawFunction) == null && nonEmpty(frame.function) != null) {
                func = frame.trimmed(func);
            }
        }
        if (func == null || func.isEmpty()) {
            return GroupingComponent.empty("function");
        }
        GroupingComponent component = GroupingComponent.of("function", func);
        String family = frame.family();
        if ("ruby".equals(platform)) {
            if (func.startsWith("block ")) {
                component.replaceValues(List.of("block"), "ruby block");
            } else {
                String cleaned = RUBY_ERB_SUFFIX.matcher(func).replaceAll("");
                if (!cleaned.equals(func)) {
                    component.replaceValues(List.of(cleaned), "removed generated erb template suffix");
                }
            }
        } else if ("php".equals(platform)) {
            if (func.startsWith("[Anonymous") || func.startsWith("class@anonymous\u0000")) {
                component.exclude("ignored anonymous function");
            }
            if (func.startsWith("class@anonymous")) {
                int separator = func.lastIndexOf("::");
                if (separator >= 0) {
                    component.replaceValues(List.of(func.substring(separator + 2)), "anonymous class method");
                }
            }
        } else if ("java".equals(platform)) {
            if (func.startsWith("lambda$")) {
                component.exclude("ignored lambda function");
            }
        } else if (family.equals(Platforms.NATIVE) && (func.equals("<redacted>") || func.equals("<unknown>"))) {
            component.exclude("ignored unknown function");
        } else if (family.equals(Platforms.JAVASCRIPT)) {
            String trimmed = lastDotted(func);
            if (!trimmed.equals(func)) {
                component.replaceValues(List.of(trimmed), "trimmed javascript function");
            }
            if (frame.sourcemapUsed && contextLineContributes) {
                component.exclude("ignored because sourcemap used and context line available");
            }
        }
        return component;
    }

    private static GroupingComponent contextLine(Frame frame) {
        String line = PythonText.collapseWhitespace(frame.contextLine);
        if (line.isEmpty()) {
            return GroupingComponent.empty("context-line");
        }
        GroupingComponent component = GroupingComponent.of("context-line", line);
        if (frame.contextLine.codePointCount(0, frame.contextLine.length()) > 120) {
            component.exclude("ignored because line is too long");
        } else if (frame.family().equals(Platforms.JAVASCRIPT)
                && nonEmpty(frame.function) == null
                && Platforms.hasUrlOrigin(frame.absPath, true)) {
            component.exclude("ignored because file path is a URL and function name is missing");
        }
        return component;
    }

    private static String lastDotted(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
