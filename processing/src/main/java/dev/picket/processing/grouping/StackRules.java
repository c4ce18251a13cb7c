package dev.picket.processing.grouping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Sentry's default stack trace rules ("enhancements") for the platforms Picket groups by frames:
 * which frames are in the app, which are put in a category, and which are ignored for grouping.
 * A rule is written as in Sentry's rule language: matchers ({@code family:}, {@code path:},
 * {@code module:}, {@code function:}, {@code package:}, {@code category:}, {@code app:}, optionally
 * negated with {@code !}, a caller as {@code [ m ] |} and a callee as {@code | [ m ]}) followed by
 * actions ({@code +app}, {@code -group}, {@code ^-app} for the frames towards the crash,
 * {@code v-group} for the frames towards the thread base, {@code category=x}).
 * Native-only rules are left out: Picket does not symbolicate native frames. So are the rules that
 * mark source-mapped JavaScript frames ({@code webpack:}, {@code app:}) in-app: they stand for
 * Sentry's source-map processing, which Picket does not do, and Sentry's snapshots keep the SDK's
 * {@code in_app} for such frames.
 */
final class StackRules {

    private static final List<String> DEFAULT_RULES = List.of(
            // Dart and Flutter
            "family:javascript stack.abs_path:org-dartlang-sdk:///** -app -group",
            "family:javascript module:**/packages/flutter/** -app",
            "stack.abs_path:package:sentry/** -app -group",
            "stack.abs_path:package:sentry_flutter/** -app -group",
            "stack.abs_path:package:sentry_logging/** -app -group",
            "stack.abs_path:package:sentry_dio/** -app -group",
            "stack.abs_path:package:sentry_file/** -app -group",
            "stack.abs_path:package:sentry_hive/** -app -group",
            "stack.abs_path:package:sentry_isar/** -app -group",
            "stack.abs_path:package:sentry_sqflite/** -app -group",
            "stack.abs_path:package:sentry_drift/** -app -group",
            "stack.abs_path:package:sentry_isar/** -app",
            "stack.abs_path:package:sentry_link/** -app",
            "stack.abs_path:package:sentry_firebase_remote_config/** -app",
            // Android and JVM categories
            "module:dalvik.system.* category=system",
            "module:com.android.* category=system",
            "package:/apex/com.android.*/lib*/** category=system",
            "module:com.lenovo.lsf.* category=system",
            "module:com.lenovo.payplus.* category=system",
            "module:java.* category=std",
            "module:com.google.crypto.* category=std",
            "module:com.google.android.* category=std",
            "module:javax.crypto.* category=std",
            "module:android.database.* category=std",
            "module:androidx.* category=std",
            "module:android.* category=std",
            "module:android.os.* category=system",
            "module:android.view.* category=ui",
            "module:android.text.* category=ui",
            "module:android.widget.* category=ui",
            "module:android.app.Dialog category=ui",
            "module:androidx.*.widget.* category=ui",
            "module:com.google.android.material.* category=ui",
            "category:ui function:handleMessage category=indirection",
            "category:ui function:run category=indirection",
            "module:android.os.AsyncTask* function:call category=threadbase",
            "module:java.util.concurrent.ThreadPoolExecutor* function:runWorker category=threadbase",
            "module:android.os.* function:call category=threadbase",
            "module:android.app.ActivityThread function:main category=threadbase",
            "module:android.view.View function:layout category=threadbase",
            "module:android.os.Looper function:loop category=threadbase",
            "module:android.os.Handler function:dispatchMessage category=threadbase",
            "module:android.os.Handler function:handleCallback category=threadbase",
            "module:android.app.ActivityThread* function:handleMessage category=threadbase",
            "module:java.lang.reflect.* category=indirection",
            "module:java.lang.Class function:getMethod category=indirection",
            "module:androidx.work.impl.utils.ForceStopRunnable category=indirection",
            "module:cn.gundam.sdk.* category=telemetry",
            "module:com.lenovo.payplus.analytics.* category=telemetry",
            "package:**/libBugly.so category=telemetry",
            "module:java.lang.System function:loadLibrary category=load",
            "module:java.lang.Runtime function:loadLibrary* category=load",
            // Category consequences, for every platform
            "category:driver | [ category:driver ] category=internals",
            "[ category:gl ] | category:gl category=internals",
            "[ category:av ] | category:av category=internals",
            "[ category:malloc ] | category:malloc category=internals",
            "category:throw ^-group",
            "[ function:_purecall ] | category:throw category=internals",
            "[ category:throw ] | category:throw category=internals",
            "category:system -app",
            "category:threadbase -group v-group",
            "category:handler ^-group -group",
            "category:telemetry -group",
            "category:indirection -group",
            "category:internals -group",
            "category:threadbase v-group -group",
            "[ !category:system ] | category:system | [ !category:system ] category=indirection",
            "[ category:free ] | category:system category=internals",
            "[ category:system ] | category:system category=internals",
            "[ category:std ] | category:system category=internals",
            "[ category:std ] | category:std category=internals",
            "[ category:ui ] | category:ui category=internals",
            "[ category:ui ] | category:system category=internals",
            "[ category:internals ] | category:system category=internals",
            "[ category:internals ] | category:ui category=internals",
            "[ category:load ] | category:system category=internals",
            "[ category:load ] | category:load category=internals",
            "[ category:throw ] | category:system category=internals",
            "[ category:runtime ] | category:system category=internals",
            "[ category:runtime ] | category:runtime category=internals",
            "[ category:dtor ] | category:dtor category=internals",
            // SDK and ecosystem rules
            "path:**/vendor/** -app",
            "path:**/site-packages/** -app",
            "path:**/dist-packages/** -app",
            "path:**/node_modules/** -app",
            "module:unpkg/** -app",
            "path:**https://unpkg.com/** -app",
            "path:**https://cdnjs.cloudflare.com/** -app",
            "path:**https://cdn.jsdelivr.net/** -app",
            "path:**https://esm.run/** -app",
            "family:javascript function:reportError ^-app -app",
            "module:@babel/** -app -group",
            "module:core-js/** -app -group",
            "module:regenerator-runtime/** -app -group",
            "module:tslib/** -app -group",
            "family:javascript function:_callSuper -app -group",
            "function:runMicrotasks -app -group",
            "function:queueMicrotask -app -group",
            "function:processTicksAndRejections -app -group",
            "function:runNextTicks -app -group",
            "function:nextTick -app -group",
            "path:**/go/pkg/mod/** -app",
            "module:akka.* category=framework",
            "module:com.fasterxml.* category=framework",
            "module:com.microsoft.* category=framework",
            "module:com.sun.* category=framework",
            "module:feign.* category=framework",
            "module:io.opentelemetry.* category=framework",
            "module:io.sentry.* category=framework -group",
            "module:jdk.* category=framework",
            "module:oauth.* category=framework",
            "module:org.apache.* category=framework",
            "module:org.glassfish.* category=framework",
            "module:org.jboss.* category=framework",
            "module:org.jdesktop.* category=framework",
            "module:org.postgresql.* category=framework",
            "module:org.springframework.* category=framework",
            "module:org.web3j.* category=framework",
            "module:reactor.core.* category=framework",
            "module:scala.* category=framework",
            "module:sun.* category=framework",
            "category:framework -app",
            "module:kotlin.* -app",
            "module:kotlinx.* -app",
            "module:io.ktor.* -app",
            "module:io.netty.* -app",
            "module:newrelic -app -group",
            "path:**/*newrelic*/** -app -group",
            "path:**/*LogRocket*/** -app -group");

    static final StackRules DEFAULTS = new StackRules(DEFAULT_RULES.stream().map(StackRules::parse).toList());

    private final List<Rule> rules;

    private StackRules(List<Rule> rules) {
        this.rules = rules;
    }

    /**
     * The default rules followed by a project's own, one rule a line; blank lines and lines
     * starting with {@code #} are skipped.
     *
     * @throws IllegalArgumentException naming the line when a rule cannot be read
     */
    static StackRules withProjectRules(String projectRules) {
        List<Rule> all = new ArrayList<>(DEFAULTS.rules);
        int number = 0;
        for (String line : projectRules.split("\\R")) {
            number++;
            String rule = line.strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            try {
                all.add(parse(rule));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("stack trace rule on line " + number + " cannot be read: " + rule, e);
            }
        }
        return new StackRules(List.copyOf(all));
    }

    /** Applies the in-app and category rules to the frames, in rule order. */
    void markFrames(List<Frame> frames) {
        for (Rule rule : rules) {
            List<Integer> matches = rule.matchingFrames(frames);
            for (int idx : matches) {
                for (Action action : rule.actions) {
                    if (action.kind == ActionKind.CATEGORY) {
                        frames.get(idx).category = action.category;
                    } else if (action.kind == ActionKind.APP) {
                        for (int i : action.range(idx, frames.size())) {
                            frames.get(i).inApp = action.flag;
                        }
                    }
                }
            }
        }
    }

    /** Applies the {@code +group}/{@code -group} rules to the frame nodes of one stack trace. */
    void markContributions(List<Frame> frames, List<GroupingComponent> components) {
        for (Rule rule : rules) {
            if (rule.actions.stream().noneMatch(a -> a.kind == ActionKind.GROUP)) {
                continue;
            }
            for (int idx : rule.matchingFrames(frames)) {
                for (Action action : rule.actions) {
                    if (action.kind != ActionKind.GROUP) {
                        continue;
                    }
                    for (int i : action.range(idx, frames.size())) {
                        GroupingComponent component = components.get(i);
                        if (component.contributes() != action.flag) {
                            String hint = (action.flag ? "un-ignored" : "ignored") + " by stack trace rule (" + rule.text + ")";
                            if (action.flag) {
                                component.include(hint);
                            } else {
                                component.exclude(hint);
                            }
                        }
                    }
                }
            }
        }
    }

    private enum ActionKind { APP, GROUP, CATEGORY }

    private record Action(ActionKind kind, boolean flag, char range, String category) {

        /** The frames an action touches: its own, or all callees ({@code ^}) or all callers ({@code v}). */
        List<Integer> range(int idx, int size) {
            List<Integer> out = new ArrayList<>();
            if (range == '^') {
                for (int i = idx + 1; i < size; i++) {
                    out.add(i);
                }
            } else if (range == 'v') {
                for (int i = 0; i < idx; i++) {
                    out.add(i);
                }
            } else {
                out.add(idx);
            }
            return out;
        }
    }

    private record Matcher(String field, Pattern pattern, String literal, boolean negated, int offset) {

        boolean matches(List<Frame> frames, int idx) {
            int target = idx + offset;
            if (target < 0 || target >= frames.size()) {
                return false;
            }
            return negated != matchesPositively(frames.get(target));
        }

        private boolean matchesPositively(Frame frame) {
            return switch (field) {
                case "family" -> literal.equals("all") || List.of(literal.split(",")).contains(frame.family());
                case "category" -> literal.equals(frame.category);
                case "app" -> frame.inApp == (literal.equals("yes") || literal.equals("1") || literal.equals("true"));
                case "path" -> globMatches(pathOf(frame.absPath != null && !frame.absPath.isEmpty() ? frame.absPath : frame.filename));
                case "filename" -> globMatches(pathOf(frame.filename));
                case "package" -> globMatches(pathOf(frame.packageName));
                case "module" -> globMatches(frame.module);
                case "function" -> globMatches(frame.function != null && !frame.function.isEmpty() ? frame.function : frame.rawFunction);
                default -> false;
            };
        }

        private boolean globMatches(String value) {
            return value != null && pattern.matcher(value).matches();
        }

        private static String pathOf(String value) {
            return value == null ? null : value.replace('\\', '/').toLowerCase(Locale.ROOT);
        }
    }

    private record Rule(String text, List<Matcher> matchers, List<Action> actions) {

        List<Integer> matchingFrames(List<Frame> frames) {
            List<Integer> out = new ArrayList<>();
            for (int idx = 0; idx < frames.size(); idx++) {
                final int at = idx;
                if (matchers.stream().allMatch(m -> m.matches(frames, at))) {
                    out.add(idx);
                }
            }
            return out;
        }
    }

    private static Rule parse(String text) {
        String[] tokens = text.trim().split("\\s+");
        List<Matcher> matchers = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        int i = 0;
        if (tokens[i].equals("[")) {
            matchers.add(matcher(tokens[i + 1], -1));
            i += 4; // "[", matcher, "]", "|"
        }
        while (i < tokens.length) {
            String token = tokens[i];
            if (token.equals("|")) {
                matchers.add(matcher(tokens[i + 2], +1));
                i += 4; // "|", "[", matcher, "]"
            } else if (isAction(token)) {
                actions.add(action(token));
                i++;
            } else {
                matchers.add(matcher(token, 0));
                i++;
            }
        }
        if (matchers.isEmpty() || actions.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one matcher and one action");
        }
        return new Rule(text, List.copyOf(matchers), List.copyOf(actions));
    }

    private static boolean isAction(String token) {
        char first = token.charAt(0);
        return first == '+' || first == '-' || ((first == '^' || first == 'v') && token.length() > 1
                && (token.charAt(1) == '+' || token.charAt(1) == '-')) || token.startsWith("category=");
    }

    private static Action action(String token) {
        if (token.startsWith("category=")) {
            return new Action(ActionKind.CATEGORY, false, ' ', token.substring("category=".length()));
        }
        char range = ' ';
        String rest = token;
        if (token.charAt(0) == '^' || token.charAt(0) == 'v') {
            range = token.charAt(0);
            rest = token.substring(1);
        }
        boolean flag = rest.charAt(0) == '+';
        ActionKind kind = switch (rest.substring(1)) {
            case "app" -> ActionKind.APP;
            case "group" -> ActionKind.GROUP;
            default -> throw new IllegalArgumentException("not an action: " + token);
        };
        return new Action(kind, flag, range, null);
    }

    private static Matcher matcher(String token, int offset) {
        boolean negated = token.startsWith("!");
        String body = negated ? token.substring(1) : token;
        int colon = body.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a matcher: " + token);
        }
        String key = body.substring(0, colon);
        String argument = body.substring(colon + 1);
        String field = switch (key) {
            case "stack.abs_path", "path" -> "path";
            case "stack.filename" -> "filename";
            case "stack.module", "module" -> "module";
            case "stack.function", "function" -> "function";
            case "stack.package", "package" -> "package";
            default -> key;
        };
        boolean pathLike = field.equals("path") || field.equals("filename") || field.equals("package");
        Pattern pattern = glob(pathLike ? argument.toLowerCase(Locale.ROOT) : argument, pathLike);
        return new Matcher(field, pattern, argument, negated, offset);
    }

    /** Sentry's globs: {@code **} crosses path separators, {@code *} does so only outside paths. */
    private static Pattern glob(String glob, boolean pathLike) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else {
                    regex.append(pathLike ? "[^/]*" : ".*");
                }
            } else if (c == '?') {
                regex.append(pathLike ? "[^/]" : ".");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
