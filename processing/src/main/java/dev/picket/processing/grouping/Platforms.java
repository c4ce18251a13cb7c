package dev.picket.processing.grouping;

import java.util.Set;

/** Platform families and origins, as Sentry's grouping rules tell platforms apart. */
final class Platforms {

    static final String NATIVE = "native";
    static final String JAVASCRIPT = "javascript";
    static final String OTHER = "other";

    private static final Set<String> NATIVE_PLATFORMS = Set.of("objc", "cocoa", "swift", "native", "c");
    private static final Set<String> JAVASCRIPT_PLATFORMS = Set.of("javascript", "node");
    /** Platforms whose source lines are reliable enough to group by. */
    private static final Set<String> CONTEXT_LINE_PLATFORMS = Set.of("javascript", "node", "python", "php", "ruby");

    private Platforms() {
    }

    static String family(String platform) {
        if (platform != null && NATIVE_PLATFORMS.contains(platform)) {
            return NATIVE;
        }
        if (platform != null && JAVASCRIPT_PLATFORMS.contains(platform)) {
            return JAVASCRIPT;
        }
        return OTHER;
    }

    static boolean usesContextLine(String platform) {
        return platform != null && CONTEXT_LINE_PLATFORMS.contains(platform);
    }

    /** Whether a path is a URL (http/https, also inside {@code blob:}), optionally counting {@code file:} too. */
    static boolean hasUrlOrigin(String path, boolean filesCountAsUrls) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        String rest = path.startsWith("blob:") ? path.substring(5) : path;
        int colon = rest.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String protocol = rest.substring(0, colon);
        return protocol.equals("http") || protocol.equals("https") || (filesCountAsUrls && protocol.equals("file"));
    }
}
