package dev.picket.processing.grouping;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders combined into one pattern, the first that matches at a position winning; also
 * combined without those that cannot match anywhere in a text, which finds the same matches with
 * fewer alternatives tried at every position. Each such subset is compiled once.
 */
final class PlaceholderPatterns {

    // Messages in practice fall into a few dozen subsets; past the bound, the full pattern serves.
    private static final int MAX_SUBSETS = 64;

    private final List<Placeholder> placeholders;
    private final int allPlaceholders;
    private final Combined all;
    private final ConcurrentMap<Integer, Combined> bySubset = new ConcurrentHashMap<>();

    PlaceholderPatterns(List<Placeholder> placeholders) {
        if (placeholders.size() > Integer.SIZE - 1) {
            throw new IllegalArgumentException("at most 31 placeholders fit a subset mask");
        }
        this.placeholders = List.copyOf(placeholders);
        this.allPlaceholders = (1 << placeholders.size()) - 1;
        this.all = combine(allPlaceholders);
    }

    /** Replaces every match by its placeholder, as {@code <key>}. */
    String replace(String text) {
        int subset = subsetFor(MessageFeatures.of(text));
        if (subset == 0) {
            return text;
        }
        Combined combined = subset == allPlaceholders ? all : bySubset.get(subset);
        if (combined == null) {
            combined = bySubset.size() < MAX_SUBSETS ? bySubset.computeIfAbsent(subset, this::combine) : all;
        }
        return combined.replace(text);
    }

    private int subsetFor(int features) {
        int subset = 0;
        for (int i = 0; i < placeholders.size(); i++) {
            if (placeholders.get(i).canMatch(features)) {
                subset |= 1 << i;
            }
        }
        return subset;
    }

    private Combined combine(int subset) {
        List<String> alternatives = new ArrayList<>();
        List<Placeholder> kept = new ArrayList<>();
        for (int i = 0; i < placeholders.size(); i++) {
            if ((subset & (1 << i)) != 0) {
                alternatives.add("(?<p" + i + ">" + placeholders.get(i).pattern() + ")");
                kept.add(placeholders.get(i));
            }
        }
        // Python 3's \d, \w, \s and \b are Unicode-aware; so must ours be.
        Pattern pattern = Pattern.compile(String.join("|", alternatives), Pattern.UNICODE_CHARACTER_CLASS);
        int[] groups = new int[kept.size()];
        String[] replacements = new String[kept.size()];
        for (int k = 0, i = 0; i < placeholders.size(); i++) {
            if ((subset & (1 << i)) != 0) {
                groups[k] = pattern.namedGroups().get("p" + i);
                replacements[k] = "<" + placeholders.get(i).key() + ">";
                k++;
            }
        }
        return new Combined(pattern, groups, replacements);
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
