package dev.picket.processing.grouping;

import java.util.List;

/**
 * One of the parameterizer's patterns, as alternative branches, the first that matches winning.
 */
record Placeholder(String key, List<Branch> branches) {

    /**
     * A branch and the {@link MessageFeatures} a text must have for it to match anywhere: all of
     * {@code needsAll} and, unless it is 0, one of {@code needsAny}.
     */
    record Branch(String pattern, int needsAll, int needsAny) {

        boolean canMatch(int features) {
            return (features & needsAll) == needsAll && (needsAny == 0 || (features & needsAny) != 0);
        }
    }

    Placeholder {
        branches = List.copyOf(branches);
    }

    Placeholder(String key, String pattern, int needsAll, int needsAny) {
        this(key, List.of(new Branch(pattern, needsAll, needsAny)));
    }

    /** All branches as one pattern. */
    String pattern() {
        return String.join("|", branches.stream().map(Branch::pattern).toList());
    }
}
