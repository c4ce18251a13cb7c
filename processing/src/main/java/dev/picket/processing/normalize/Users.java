package dev.picket.processing.normalize;

import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code user} interface, after Relay: {@code {{auto}}} in {@code user.ip_address} or in
 * {@code request.env.REMOTE_ADDR} is the sender's address; a user without an address gets the one from
 * {@code REMOTE_ADDR}, or — for browser and Apple SDKs, which never set {@code {{auto}}} — the sender's;
 * invalid addresses are dropped; {@code sentry_user} holds the user tag value.
 */
final class Users {

    private static final String AUTO = "{{auto}}";
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[0-9A-Za-z]+)?");
    private static final StringRule ID = new StringRule(true, true, 128, 0);
    private static final StringRule EMAIL = new StringRule(false, true, 75, 0);
    private static final StringRule USERNAME = new StringRule(true, true, 128, 0);
    private static final StringRule NAME = new StringRule(false, true, 128, 0);
    private static final StringRule SEGMENT = new StringRule(false, true, 0, 0);

    private Users() {
    }

    static UserIdentity apply(ObjectNode event, String platform, String clientIp, Problems problems) {
        String remoteAddr = remoteAddr(event, clientIp, problems);
        ObjectNode user = Shapes.object(event, "user", List.of("user"), problems);
        String ip = user == null ? null : ipAddress(user, clientIp, problems);
        if (ip == null) {
            String fallback = remoteAddr != null ? remoteAddr : sendsNoAuto(platform) ? validIp(clientIp) : null;
            if (fallback != null) {
                user = user != null ? user : event.putObject("user");
                user.put("ip_address", fallback);
                ip = fallback;
            }
        }
        if (user == null) {
            return null;
        }
        String id = ID.apply(user, "id", List.of("user", "id"), problems);
        String email = EMAIL.apply(user, "email", List.of("user", "email"), problems);
        String username = USERNAME.apply(user, "username", List.of("user", "username"), problems);
        NAME.apply(user, "name", List.of("user", "name"), problems);
        SEGMENT.apply(user, "segment", List.of("user", "segment"), problems);
        UserIdentity identity = new UserIdentity(id, email, username, ip);
        if (identity.key() == null) {
            user.remove("sentry_user");
            if (user.isEmpty()) {
                event.remove("user");
            }
            return null;
        }
        user.put("sentry_user", identity.key());
        return identity;
    }

    private static String remoteAddr(ObjectNode event, String clientIp, Problems problems) {
        ObjectNode env = Nodes.object(Nodes.object(event, "request"), "env");
        if (env == null || !env.has("REMOTE_ADDR")) {
            return null;
        }
        JsonNode value = env.get("REMOTE_ADDR");
        String text = value.isString() ? value.stringValue().strip() : null;
        boolean auto = AUTO.equals(text);
        String ip = validIp(auto ? clientIp : text);
        if (ip == null) {
            env.remove("REMOTE_ADDR");
            if (!auto && !value.isNull()) {
                problems.invalid(List.of("request", "env", "REMOTE_ADDR"), "expected an ip address", value);
            }
            return null;
        }
        env.put("REMOTE_ADDR", ip);
        return ip;
    }

    private static String ipAddress(ObjectNode user, String clientIp, Problems problems) {
        JsonNode value = user.get("ip_address");
        if (value == null) {
            return null;
        }
        String text = value.isString() ? value.stringValue().strip() : null;
        boolean auto = AUTO.equals(text);
        String ip = validIp(auto ? clientIp : text);
        if (ip == null) {
            user.remove("ip_address");
            if (!auto && !value.isNull()) {
                problems.invalid(List.of("user", "ip_address"), "expected an ip address", value);
            }
            return null;
        }
        user.put("ip_address", ip);
        return ip;
    }

    private static boolean sendsNoAuto(String platform) {
        return "javascript".equals(platform) || "cocoa".equals(platform) || "objc".equals(platform);
    }

    static String validIp(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (IPV4.matcher(text).matches()) {
            return text;
        }
        return text.indexOf(':') >= 0 && IPV6.matcher(text).matches() ? text : null;
    }
}
