package dev.picket.alerts;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Keeps webhook and Slack deliveries off the machine's own and private networks: whoever may edit a
 * rule could otherwise make Picket POST to its database admin page or a cloud metadata service
 * (server-side request forgery). A target must be http(s), and every address its host resolves to
 * must be public: not loopback, link-local, private (RFC 1918, unique-local, carrier-grade NAT),
 * multicast, unspecified or reserved. Judged when a rule is saved, and again before each attempt,
 * since a name can be made to resolve elsewhere later. {@code picket.alerts.allow-private-webhooks}
 * lifts the address check, for receivers on the same network.
 */
@Component
class WebhookTargetGuard {

    /** NAT64's well-known prefix, 64:ff9b::/96, which embeds an IPv4 address. */
    private static final byte[] NAT64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private final boolean allowPrivate;

    WebhookTargetGuard(AlertsProperties properties) {
        this.allowPrivate = properties.allowPrivateWebhooks();
    }

    /**
     * Why {@code url} may not be a rule's target, or empty when it may. A name that does not resolve
     * now is let through: the check before sending judges whatever it resolves to then.
     */
    Optional<String> refusalAtSave(String url) {
        return refusal(url, true);
    }

    /** @throws DeliveryFailedException saying why {@code url} may not be sent to now */
    void checkBeforeSending(String url) throws DeliveryFailedException {
        Optional<String> refusal = refusal(url, false);
        if (refusal.isPresent()) {
            throw new DeliveryFailedException("refused: " + refusal.get());
        }
    }

    static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Optional<String> refusal(String url, boolean unresolvedIsFine) {
        if (!isHttpUrl(url)) {
            return Optional.of("'" + url + "' is not an absolute http(s) URL");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = URI.create(url).getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return unresolvedIsFine ? Optional.empty() : Optional.of("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("host " + host + " resolves to " + address.getHostAddress()
                        + ", a loopback, link-local, private, multicast or unspecified address; "
                        + "set PICKET_ALERTS_ALLOW_PRIVATE_WEBHOOKS=true to allow such targets");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return isPublicIpv4(bytes);
        }
        if ((bytes[0] & 0xfe) == 0xfc) {
            return false; // fc00::/7, unique local
        }
        if (startsWith(bytes, NAT64) || startsWith(bytes, new byte[12])) {
            // NAT64 and IPv4-compatible addresses reach the IPv4 address they embed.
            byte[] ipv4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
            return isPublicIpv4(ipv4);
        }
        return true;
    }

    private static boolean isPublicIpv4(byte[] ip) {
        int first = ip[0] & 0xff;
        int second = ip[1] & 0xff;
        return first != 0                                   // 0.0.0.0/8, "this network"
                && first != 10 && first != 127
                && !(first == 100 && (second & 0xc0) == 64)  // 100.64.0.0/10, carrier-grade NAT
                && !(first == 169 && second == 254)
                && !(first == 172 && (second & 0xf0) == 16)
                && !(first == 192 && second == 168)
                && first < 224;                             // multicast, reserved and broadcast
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
