package dev.picket.processing.normalize;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small User-Agent parser for the clients that report most often: the major browsers and common
 * HTTP tools. Names follow ua-parser's families, which Sentry shows (e.g. "Chrome", "Mobile Safari",
 * "Python Requests"). Unknown agents yield nothing rather than a guess.
 */
record UserAgent(String browser, String browserVersion, String os, String osVersion) {

    private record Rule(Pattern pattern, String family) {
    }

    private static final List<Rule> BROWSERS = List.of(
            rule("\\bEdg(?:e|A|iOS)?/(\\d+(?:\\.\\d+){0,2})", "Edge"),
            rule("\\bOPR/(\\d+(?:\\.\\d+){0,2})", "Opera"),
            rule("\\bSamsungBrowser/(\\d+(?:\\.\\d+){0,2})", "Samsung Internet"),
            rule("\\bCriOS/(\\d+(?:\\.\\d+){0,2})", "Chrome Mobile iOS"),
            rule("\\bFxiOS/(\\d+(?:\\.\\d+){0,2})", "Firefox iOS"),
            rule("\\bChrome/(\\d+(?:\\.\\d+){0,2})[^ ]* Mobile", "Chrome Mobile"),
            rule("\\b(?:Headless)?Chrom(?:e|ium)/(\\d+(?:\\.\\d+){0,2})", "Chrome"),
            rule("\\bFirefox/(\\d+(?:\\.\\d+){0,2}).*\\bMobile|Mobile.*\\bFirefox/(\\d+(?:\\.\\d+){0,2})", "Firefox Mobile"),
            rule("\\bFirefox/(\\d+(?:\\.\\d+){0,2})", "Firefox"),
            rule("\\bVersion/(\\d+(?:\\.\\d+){0,2}).*\\bMobile/\\S+ Safari/", "Mobile Safari"),
            rule("\\bVersion/(\\d+(?:\\.\\d+){0,2}).*\\bSafari/", "Safari"),
            rule("\\bMSIE (\\d+(?:\\.\\d+)?)|Trident/.*\\brv:(\\d+(?:\\.\\d+)?)", "IE"),
            rule("^curl/(\\d+(?:\\.\\d+){0,2})", "curl"),
            rule("^Wget/(\\d+(?:\\.\\d+){0,2})", "Wget"),
            rule("^python-requests/(\\d+(?:\\.\\d+){0,2})", "Python Requests"),
            rule("^python-urllib3/(\\d+(?:\\.\\d+){0,2})", "urllib3"),
            rule("^Python-urllib/(\\d+(?:\\.\\d+){0,2})", "Python-urllib"),
            rule("^aiohttp/(\\d+(?:\\.\\d+){0,2})|Python/\\S+ aiohttp/(\\d+(?:\\.\\d+){0,2})", "aiohttp"),
            rule("^okhttp/(\\d+(?:\\.\\d+){0,2})", "okhttp"),
            rule("^Go-http-client/(\\d+(?:\\.\\d+)?)", "Go-http-client"),
            rule("^PostmanRuntime/(\\d+(?:\\.\\d+){0,2})", "PostmanRuntime"),
            rule("^axios/(\\d+(?:\\.\\d+){0,2})", "axios"),
            rule("^node-fetch(?:/(\\d+(?:\\.\\d+){0,2}))?", "node-fetch"),
            rule("^Java/(\\d+(?:\\.\\d+){0,2})", "Java"),
            rule("^Apache-HttpClient/(\\d+(?:\\.\\d+){0,2})", "Apache-HttpClient"));

    private static final List<Rule> SYSTEMS = List.of(
            rule("\\bWindows NT 10\\.0", "Windows:10"),
            rule("\\bWindows NT 6\\.3", "Windows:8.1"),
            rule("\\bWindows NT 6\\.2", "Windows:8"),
            rule("\\bWindows NT 6\\.1", "Windows:7"),
            rule("\\b(?:iPhone|CPU) OS (\\d+(?:_\\d+){0,2})", "iOS"),
            rule("\\biPad.*\\bOS (\\d+(?:_\\d+){0,2})", "iOS"),
            rule("\\bAndroid (\\d+(?:\\.\\d+){0,2})", "Android"),
            rule("\\bMac OS X (\\d+(?:[_.]\\d+){0,2})", "Mac OS X"),
            rule("\\bCrOS \\S+ (\\d+(?:\\.\\d+){0,2})", "Chrome OS"),
            rule("\\bUbuntu\\b", "Ubuntu"),
            rule("\\bLinux\\b", "Linux"));

    private static Rule rule(String pattern, String family) {
        return new Rule(Pattern.compile(pattern), family);
    }

    /** The parsed agent; fields are null where the agent says nothing recognisable. */
    static UserAgent parse(String header) {
        if (header == null || header.isBlank() || header.length() > 1024) {
            return new UserAgent(null, null, null, null);
        }
        String browser = null;
        String browserVersion = null;
        for (Rule rule : BROWSERS) {
            Matcher matcher = rule.pattern.matcher(header);
            if (matcher.find()) {
                browser = rule.family;
                browserVersion = firstGroup(matcher);
                break;
            }
        }
        String os = null;
        String osVersion = null;
        for (Rule rule : SYSTEMS) {
            Matcher matcher = rule.pattern.matcher(header);
            if (matcher.find()) {
                int colon = rule.family.indexOf(':');
                os = colon < 0 ? rule.family : rule.family.substring(0, colon);
                osVersion = colon < 0 ? firstGroup(matcher) : rule.family.substring(colon + 1);
                if (osVersion != null) {
                    osVersion = osVersion.replace('_', '.');
                }
                break;
            }
        }
        return new UserAgent(browser, browserVersion, os, osVersion);
    }

    private static String firstGroup(Matcher matcher) {
        for (int i = 1; i <= matcher.groupCount(); i++) {
            if (matcher.group(i) != null) {
                return matcher.group(i);
            }
        }
        return null;
    }
}
