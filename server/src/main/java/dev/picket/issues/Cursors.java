package dev.picket.issues;

/**
 * Keyset cursors: the sort value and id of the last row of a page, as {@code value:id}. A page
 * continues strictly after it, so rows added meanwhile neither repeat nor shift the next page.
 */
record Cursors(long value, long id) {

    /** @throws IllegalArgumentException when {@code cursor} is not one {@link #format()} made */
    static Cursors parse(String cursor) {
        int colon = cursor.indexOf(':');
        try {
            if (colon <= 0) {
                throw new NumberFormatException("no colon");
            }
            return new Cursors(Long.parseLong(cursor.substring(0, colon)), Long.parseLong(cursor.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid cursor '" + cursor
                    + "': expected the nextCursor of a previous page", e);
        }
    }

    String format() {
        return value + ":" + id;
    }
}
