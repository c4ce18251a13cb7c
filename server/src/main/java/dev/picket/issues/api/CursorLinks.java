package dev.picket.issues.api;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sentry's pagination {@code Link} header: a previous and a next link, each with its cursor and
 * {@code results="true|false"} telling whether following it finds anything. Cursors only run
 * forwards, so "previous" leads back to the first page.
 */
final class CursorLinks {

    private CursorLinks() {
    }

    /**
     * @param requestUrl the request's URL with its query
     * @param cursor     the cursor of this page, or null for the first
     * @param nextCursor the cursor of the next page, or null when this is the last
     */
    static String header(String requestUrl, String cursor, String nextCursor) {
        return link(requestUrl, "", "previous", cursor != null)
                + ", " + link(requestUrl, nextCursor == null ? "" : nextCursor, "next", nextCursor != null);
    }

    private static String link(String requestUrl, String cursor, String rel, boolean results) {
        String url = UriComponentsBuilder.fromUriString(requestUrl).replaceQueryParam("cursor", cursor)
                .build().toUriString();
        return "<" + url + ">; rel=\"" + rel + "\"; results=\"" + results + "\"; cursor=\"" + cursor + "\"";
    }
}
