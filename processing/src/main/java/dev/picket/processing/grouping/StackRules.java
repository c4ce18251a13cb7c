package dev.picket.processing.grouping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Sentry's default stack trace rules ("enhancements") for the platforms Picket groups by frames:
 * which frames are in the app, which are put in a category, and which are ignored for grouping.
 * A rule is written as in Sentry's rule language: matchers ({@code family:}, {@code path:},
 * {@code module:}, {@code function:}, {@code package:}, {@code category:}, {@code app:}, optionally
 * negated with {@code !}, a caller as {@code [ m ] |} and a callee as {@code | [ m ]}) followed by
 * actions ({@code +app}, {@code -group}, {@code ^-app} for the frames towards the crash,
 * {@code v-group} for the frames towards the thread base, {@code category=x}).
 The rules themselves are in {@code default-stack-rules.txt} next to this class.
 */
final class StackRules {

    private static final String DEFAULT_RULES = "default-stack-rules.txt";

    static final StackRules DEFAULTS = new StackRules(parseAll(defaultRulesText(), List.of()));

    private final Rule[] rules;
    private final OwnFieldMatches ownFieldMatches = new OwnFieldMatches(this::matchingOwnFields);

    private StackRules(List<Rule> rules) {
        this.rules = rules.toArray(Rule[]::new);
    }

    /**
     * The default rules followed by a project's own, one rule a line; blank lines and lines
     * starting with {@code #} are skipped.
     *
     * @throws IllegalArgumentException naming the line when a rule cannot be read
     */
    static StackRules withProjectRules(String projectRules) {
        return new StackRules(parseAll(projectRules, List.of(DEFAULTS.rules)));
    }

    private static List<Rule> parseAll(String text, List<Rule> before) {
        List<Rule> all = new ArrayList<>(before);
        int number = 0;
        for (String line : text.split("\\R")) {
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
        return List.copyOf(all);
    }

    private static String defaultRulesText() {
        try (InputStream in = StackRules.class.getResourceAsStream(DEFAULT_RULES)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RULES + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RULES, e);
        }
    }

    /** Applies the in-app and category rules to the frames, in rule order. */
    void markFrames(List<Frame> frames) {
        BitSet[] byFrame = ownFieldMatches(frames);
        int[] matches = new int[frames.size()];
        BitSet candidates = union(byFrame);
        // Every category a frame has had so far: a rule for any other cannot match.
        Set<String> categories = categoriesOf(frames);
        for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
            Rule rule = rules[r];
            if (!rule.marksFrames || !rule.mayMatchIn(categories)) {
                continue;
            }
            // All of a rule's matches are found before it acts: its actions change what it reads.
            int count = matchingFrames(r, frames, byFrame, matches);
            for (int m = 0; m < count; m++) {
                int idx = matches[m];
                for (Action action : rule.actions) {
                    if (action.kind == ActionKind.CATEGORY) {
                        frames.get(idx).category = action.category;
                        categories.add(action.category);
                    } else if (action.kind == ActionKind.APP) {
                        for (int i = action.from(idx), to = action.to(idx, frames.size()); i < to; i++) {
                            frames.get(i).inApp = action.flag;
                        }
                    }
                }
            }
        }
    }

    /** Applies the {@code +group}/{@code -group} rules to the frame nodes of one stack trace. */
    void markContributions(List<Frame> frames, List<GroupingComponent> components) {
        BitSet[] byFrame = ownFieldMatches(frames);
        int[] matches = new int[frames.size()];
        BitSet candidates = union(byFrame);
        Set<String> categories = categoriesOf(frames);
        for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
            Rule rule = rules[r];
            if (!rule.groups || !rule.mayMatchIn(categories)) {
                continue;
            }
            int count = matchingFrames(r, frames, byFrame, matches);
            for (int m = 0; m < count; m++) {
                int idx = matches[m];
                for (Action action : rule.actions) {
                    if (action.kind != ActionKind.GROUP) {
                        continue;
                    }
                    for (int i = action.from(idx), to = action.to(idx, frames.size()); i < to; i++) {
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

    private BitSet[] ownFieldMatches(List<Frame> frames) {
        BitSet[] byFrame = new BitSet[frames.size()];
        for (int i = 0; i < byFrame.length; i++) {
            Frame frame = frames.get(i);
            if (frame.ruleMatchesOf != this) {
                frame.ownRuleMatches = ownFieldMatches.of(frame);
                frame.ruleMatchesOf = this;
            }
            byFrame[i] = frame.ownRuleMatches;
        }
        return byFrame;
    }

    private static Set<String> categoriesOf(List<Frame> frames) {
        Set<String> categories = new HashSet<>();
        for (Frame frame : frames) {
            if (frame.category != null) {
                categories.add(frame.category);
            }
        }
        return categories;
    }

    private static BitSet union(BitSet[] byFrame) {
        BitSet union = new BitSet();
        for (BitSet matches : byFrame) {
            union.or(matches);
        }
        return union;
    }

    /** Writes the indexes of the frames rule {@code r} matches into {@code out}; returns how many. */
    private int matchingFrames(int r, List<Frame> frames, BitSet[] byFrame, int[] out) {
        Rule rule = rules[r];
        int count = 0;
        for (int idx = 0; idx < byFrame.length; idx++) {
            if (byFrame[idx].get(r) && rule.matchesInContext(frames, idx)) {
                out[count++] = idx;
            }
        }
        return count;
    }

    /**
     * The rules whose matchers of the frame's own, unchanging fields (family, path, module,
     * function…) all match it; what is left of a rule reads the frame's category and in-app flag,
     * which earlier rules change, or a neighbouring frame.
     */
    BitSet matchingOwnFields(Frame frame) {
        BitSet matching = new BitSet(rules.length);
        for (int r = 0; r < rules.length; r++) {
            if (rules[r].matchesOwnFields(frame)) {
                matching.set(r);
            }
        }
        return matching;
    }

    private enum ActionKind { APP, GROUP, CATEGORY }

    /** An action touches its own frame, or all callees ({@code ^}) or all callers ({@code v}). */
    private record Action(ActionKind kind, boolean flag, char range, String category) {

        /** The first frame the action touches when its rule matched frame {@code idx}. */
        int from(int idx) {
            return range == '^' ? idx + 1 : range == 'v' ? 0 : idx;
        }

        /** One past the last frame the action touches. */
        int to(int idx, int size) {
            return range == '^' ? size : range == 'v' ? idx : idx + 1;
        }
    }

    /** What a matcher looks at; {@code OTHER} (an unknown key) never matches. */
    private enum Field { FAMILY, CATEGORY, APP, PATH, FILENAME, PACKAGE, MODULE, FUNCTION, OTHER }

    private record Matcher(Field field, Predicate<String> glob, String literal, Set<String> families, boolean negated, int offset) {

        /** Whether the matcher reads only the rule's own frame, and only fields no rule changes. */
        boolean readsOwnFixedFields() {
            return offset == 0 && field != Field.CATEGORY && field != Field.APP;
        }

        boolean matches(List<Frame> frames, int idx) {
            int target = idx + offset;
            if (target < 0 || target >= frames.size()) {
                return false;
            }
            return negated != matchesPositively(frames.get(target));
        }

        boolean matches(Frame frame) {
            return negated != matchesPositively(frame);
        }

        private boolean matchesPositively(Frame frame) {
            return switch (field) {
                case FAMILY -> families.contains("all") || families.contains(frame.family());
                case CATEGORY -> literal.equals(frame.category);
                case APP -> frame.inApp == (literal.equals("yes") || literal.equals("1") || literal.equals("true"));
                case PATH -> globMatches(frame.pathForMatching());
                case FILENAME -> globMatches(frame.filenameForMatching());
                case PACKAGE -> globMatches(frame.packageForMatching());
                case MODULE -> globMatches(frame.module);
                case FUNCTION -> globMatches(frame.functionForMatching());
                case OTHER -> false;
            };
        }

        private boolean globMatches(String value) {
            return value != null && glob.test(value);
        }

    }

    /**
     * @param ownFieldMatchers the matchers {@link Matcher#readsOwnFixedFields()}
     * @param contextMatchers  the others
     * @param category         the category of the rule's first plain {@code category:} matcher of its
     *                         own frame, or null when it has none
     */
    private record Rule(String text, Matcher[] ownFieldMatchers, Matcher[] contextMatchers, List<Action> actions,
                        boolean marksFrames, boolean groups, String category) {

        Rule(String text, List<Matcher> matchers, List<Action> actions) {
            this(text,
                    matchers.stream().filter(Matcher::readsOwnFixedFields).toArray(Matcher[]::new),
                    matchers.stream().filter(m -> !m.readsOwnFixedFields()).toArray(Matcher[]::new),
                    actions,
                    actions.stream().anyMatch(a -> a.kind != ActionKind.GROUP),
                    actions.stream().anyMatch(a -> a.kind == ActionKind.GROUP),
                    matchers.stream().filter(m -> m.field == Field.CATEGORY && !m.negated && m.offset == 0)
                            .map(Matcher::literal).findFirst().orElse(null));
        }

        /** Whether the rule can match a stack trace whose frames have only these categories. */
        boolean mayMatchIn(Set<String> categories) {
            return category == null || categories.contains(category);
        }

        boolean matchesOwnFields(Frame frame) {
            for (Matcher matcher : ownFieldMatchers) {
                if (!matcher.matches(frame)) {
                    return false;
                }
            }
            return true;
        }

        /** The rest of {@link #matchesOwnFields}: category, in-app flag and neighbouring frames. */
        boolean matchesInContext(List<Frame> frames, int idx) {
            for (Matcher matcher : contextMatchers) {
                if (!matcher.matches(frames, idx)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Rule parse(String text) {
        String[] tokens = tokens(text.trim());
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

    /** Splits a rule at whitespace, keeping quoted arguments (which may hold spaces) whole. */
    private static String[] tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                token.append(c).append(text.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                token.append(c);
            } else if (!quoted && Character.isWhitespace(c)) {
                if (!token.isEmpty()) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
            } else {
                token.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote");
        }
        if (!token.isEmpty()) {
            tokens.add(token.toString());
        }
        return tokens.toArray(String[]::new);
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
        String argument = unquote(body.substring(colon + 1));
        Field field = switch (key) {
            case "family" -> Field.FAMILY;
            case "category" -> Field.CATEGORY;
            case "app" -> Field.APP;
            case "stack.abs_path", "path" -> Field.PATH;
            case "stack.filename", "filename" -> Field.FILENAME;
            case "stack.module", "module" -> Field.MODULE;
            case "stack.function", "function" -> Field.FUNCTION;
            case "stack.package", "package" -> Field.PACKAGE;
            default -> Field.OTHER;
        };
        boolean pathLike = field == Field.PATH || field == Field.FILENAME || field == Field.PACKAGE;
        Predicate<String> glob = Glob.compile(pathLike ? argument.toLowerCase(Locale.ROOT) : argument, pathLike);
        return new Matcher(field, glob, argument, Set.of(argument.split(",")), negated, offset);
    }

    private static String unquote(String argument) {
        if (argument.length() >= 2 && argument.startsWith("\"") && argument.endsWith("\"")) {
            return argument.substring(1, argument.length() - 1).replace("\\\\", "\\");
        }
        return argument;
    }
}
