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

    /** Whether a path is a web URL (also {@code blob:} and Safari's {@code applewebdata:}), optionally counting {@code file:} too. */
    static boolean hasUrlOrigin(String path, boolean filesCountAsUrls) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        if (path.startsWith("http:") || path.startsWith("https:") || path.startsWith("applewebdata:") || path.startsWith("blob:")) {
            return true;
        }
        return path.startsWith("file:") && filesCountAsUrls;
    }
}
