package dev.picket.processing.grouping;

/**
 * One of the parameterizer's patterns and the {@link MessageFeatures} a text must have for it to
 * match anywhere: all of {@code needsAll} and, unless it is 0, one of {@code needsAny}.
 */
record Placeholder(String key, String pattern, int needsAll, int needsAny) {

    boolean canMatch(int features) {
        return (features & needsAll) == needsAll && (needsAny == 0 || (features & needsAny) != 0);
    }
}
