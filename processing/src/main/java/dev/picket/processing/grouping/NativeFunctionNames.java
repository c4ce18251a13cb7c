package dev.picket.processing.grouping;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces a demangled native function name (C++, Rust, Swift) to the bare function: no argument
 * list, no return type, no {@code const}, generics as {@code <T>}, compiler-specific lambda and
 * anonymous-namespace names unified, Rust hashes and Windows decoration suffixes dropped. This is
 * what Sentry groups native frames by when the SDK sent no separate raw function name.
 */
final class NativeFunctionNames {

    // Stand-ins for sequences that would confuse bracket matching; no real symbol contains them.
    private static final String OPERATOR_ANGLE = "⟨";
    private static final String OPERATOR_CALL = "◯";
    private static final String RETURN_ARROW = "⟿";
    private static final String ANONYMOUS_NAMESPACE = "〔anonymousnamespace〕";

    private static final Pattern CPP_TRAILER = Pattern.compile("(\\bconst\\b|&)$");
    private static final Pattern LAMBDA = Pattern.compile("(?:\\{lambda\\(.*?\\)#\\d+\\})|(?:\\blambda_[a-f0-9]{32}\\b)|(?:\\$_\\d+\\b)");
    private static final Pattern MSVC_ANONYMOUS_NAMESPACE = Pattern.compile("\\?A0x[a-f0-9]{8}::");
    private static final Pattern RUST_BLANKET_IMPL = Pattern.compile("^([A-Z] as )");
    private static final Pattern RUST_HASH = Pattern.compile("::h[a-z0-9]{16}$");
    private static final Pattern WINDOWS_DECORATION = Pattern.compile("^@?(.*?)@[0-9]+$");
    private static final Map<Character, Character> PAIRS = Map.of('(', ')', '{', '}', '[', ']', '<', '>');

    private NativeFunctionNames() {
    }

    static String trim(String original) {
        if (original.equals("<redacted>") || original.equals("<unknown>")) {
            return original;
        }
        String function = PythonText.strip(original);
        if (function.startsWith("[") || function.startsWith("+[") || function.startsWith("-[")) {
            return function; // Objective-C names are kept whole
        }
        Matcher trailer = CPP_TRAILER.matcher(function);
        while (trailer.find()) {
            function = rstrip(function.substring(0, trailer.start()));
            trailer = CPP_TRAILER.matcher(function);
        }
        function = function.replace("operator<<", "operator" + OPERATOR_ANGLE + OPERATOR_ANGLE)
                .replace("operator<", "operator" + OPERATOR_ANGLE)
                .replace("operator()", "operator" + OPERATOR_CALL)
                .replace(" -> ", " " + RETURN_ARROW + " ")
                .replace("`anonymous namespace'", ANONYMOUS_NAMESPACE);
        function = LAMBDA.matcher(function).replaceAll("lambda");
        function = MSVC_ANONYMOUS_NAMESPACE.matcher(function).replaceAll(Matcher.quoteReplacement(ANONYMOUS_NAMESPACE + "::"));

        function = replaceEnclosed(function, '(', ')', (inner, start) -> {
            String value = PythonText.strip(inner);
            return value.equals("anonymous namespace") || value.equals("operator") ? "(" + value + ")" : "";
        });
        function = replaceEnclosed(function, '<', '>', NativeFunctionNames::generics);

        List<String> tokens = tokens(function);
        if (tokens.size() > 1 && tokens.getLast().equals("<T>")) {
            tokens.removeLast();
            tokens.set(tokens.size() - 1, tokens.getLast() + " <T>");
        }
        String token;
        int arrow = tokens.indexOf(RETURN_ARROW);
        if (arrow >= 0) {
            token = tokens.get(arrow == 0 ? tokens.size() - 1 : arrow - 1);
        } else {
            token = tokens.isEmpty() ? null : tokens.getLast();
        }
        if (token != null && !token.isEmpty()) {
            function = token.replace(OPERATOR_ANGLE, "<").replace(OPERATOR_CALL, "()")
                    .replace(" " + RETURN_ARROW + " ", " -> ").replace(ANONYMOUS_NAMESPACE, "`anonymous namespace'");
        } else {
            function = original;
        }
        function = RUST_HASH.matcher(function).replaceAll("");
        return WINDOWS_DECORATION.matcher(function).replaceAll("$1");
    }

    private static String generics(String value, int start) {
        if (value.equals("lambda") || LAMBDA.matcher(value).lookingAt()) {
            return "<" + value + ">";
        }
        if (start > 0) {
            return "<T>";
        }
        // Rust writes trait impls as <Foo as Bar>::baz; prefer the trait of blanket impls
        String inner = RUST_BLANKET_IMPL.matcher(value).replaceAll("");
        inner = replaceEnclosed(inner, '<', '>', NativeFunctionNames::generics);
        int as = inner.indexOf(" as ");
        return as < 0 ? inner : inner.substring(0, as);
    }

    /** Replaces each outermost bracketed part (brackets included) by what the function makes of its inside. */
    private static String replaceEnclosed(String text, char open, char close, BiFunction<String, Integer, String> replacement) {
        if (text.indexOf(open) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int depth = 0;
        int pairStart = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == open) {
                if (depth == 0) {
                    pairStart = i;
                }
                depth++;
            } else if (c == close) {
                depth--;
                if (depth == 0) {
                    out.append(replacement.apply(text.substring(pairStart + 1, i), pairStart));
                }
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Splits at whitespace outside brackets. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Deque<Character> expected = new ArrayDeque<>();
        int end = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (PAIRS.containsKey(c)) {
                expected.push(PAIRS.get(c));
            } else if (!expected.isEmpty() && c == expected.peek()) {
                expected.pop();
                if (expected.isEmpty()) {
                    current.append(text, end, i + 1);
                    end = i + 1;
                }
            } else if (expected.isEmpty()) {
                if (PythonText.isSpace(c)) {
                    if (!current.isEmpty()) {
                        tokens.add(current.toString());
                    }
                    current.setLength(0);
                } else {
                    current.append(text, end, i + 1);
                }
                end = i + 1;
            }
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static String rstrip(String text) {
        int end = text.length();
        while (end > 0 && PythonText.isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
