package dev.picket.web;

/** What the security configuration needs to know of the web pages. */
public final class WebPages {

    public static final String LOGIN = "/login";

    /** Pages and files anyone may fetch: signing in, first-run setup, and the style sheet and scripts pages use. */
    public static final String[] PUBLIC_PATHS = {LOGIN, "/setup", "/css/**", "/js/**", "/favicon.svg"};

    /**
     * Pages print event data that anyone with a DSN can send, so no script may run on them at all:
     * only our own style sheet and images, no inline scripts or styles, no plugins, no framing.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private WebPages() {
    }
}
