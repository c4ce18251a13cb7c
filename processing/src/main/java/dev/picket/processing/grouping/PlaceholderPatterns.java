package dev.picket.processing.grouping;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders combined into one pattern, the first that matches at a position winning; also
 * combined without the placeholders and branches that cannot match anywhere in a text, which finds
 * the same matches with fewer alternatives tried at every position. Each such subset is compiled
 * once.
 */
final class PlaceholderPatterns {

    // Messages in practice fall into a few dozen subsets; past the bound, the full pattern serves.
    private static final int MAX_SUBSETS = 64;

    private final List<Placeholder> placeholders;
    private final int allBranches;
    private final Combined all;
    private final ConcurrentMap<Integer, Combined> bySubset = new ConcurrentHashMap<>();

    PlaceholderPatterns(List<Placeholder> placeholders) {
        int branches = placeholders.stream().mapToInt(placeholder -> placeholder.branches().size()).sum();
        if (branches > Integer.SIZE - 1) {
            throw new IllegalArgumentException("at most 31 branches fit a subset mask");
        }
        this.placeholders = List.copyOf(placeholders);
        this.allBranches = (1 << branches) - 1;
        this.all = combine(allBranches);
    }

    /** Replaces every match by its placeholder, as {@code <key>}. */
    String replace(String text) {
        int subset = subsetFor(MessageFeatures.of(text));
        if (subset == 0) {
            return text;
        }
        Combined combined = subset == allBranches ? all : bySubset.get(subset);
        if (combined == null) {
            combined = bySubset.size() < MAX_SUBSETS ? bySubset.computeIfAbsent(subset, this::combine) : all;
        }
        return combined.replace(text);
    }

    // One bit per branch, numbered through the placeholders in order.
    private int subsetFor(int features) {
        int subset = 0;
        int bit = 1;
        for (Placeholder placeholder : placeholders) {
            for (Placeholder.Branch branch : placeholder.branches()) {
                if (branch.canMatch(features)) {
                    subset |= bit;
                }
                bit <<= 1;
            }
        }
        return subset;
    }

    private Combined combine(int subset) {
        List<String> alternatives = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> replacements = new ArrayList<>();
        int bit = 1;
        for (int i = 0; i < placeholders.size(); i++) {
            List<String> kept = new ArrayList<>();
            for (Placeholder.Branch branch : placeholders.get(i).branches()) {
                if ((subset & bit) != 0) {
                    kept.add(branch.pattern());
                }
                bit <<= 1;
            }
            if (!kept.isEmpty()) {
                alternatives.add("(?<p" + i + ">" + String.join("|", kept) + ")");
                names.add("p" + i);
                replacements.add("<" + placeholders.get(i).key() + ">");
            }
        }
        // Python 3's \d, \w, \s and \b are Unicode-aware; so must ours be.
        Pattern pattern = Pattern.compile(String.join("|", alternatives), Pattern.UNICODE_CHARACTER_CLASS);
        int[] groups = names.stream().mapToInt(name -> pattern.namedGroups().get(name)).toArray();
        return new Combined(pattern, groups, replacements.toArray(String[]::new));
    }

    private record Combined(Pattern pattern, int[] groups, String[] replacements) {

        String replace(String text) {
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            int last = 0;
            do {
                out.append(text, last, matcher.start()).append(replacementOf(matcher));
                last = matcher.end();
            } while (matcher.find());
            return out.append(text, last, text.length()).toString();
        }

        private String replacementOf(Matcher matcher) {
            for (int k = 0; k < groups.length; k++) {
                if (matcher.start(groups[k]) >= 0) {
                    return replacements[k];
                }
            }
            throw new IllegalStateException("a match always comes from one placeholder");
        }
    }
}
