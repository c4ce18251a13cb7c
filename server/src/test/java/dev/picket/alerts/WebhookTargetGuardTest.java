package dev.picket.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which webhook targets Picket refuses to reach (server-side request forgery), when saved and when sent. */
class WebhookTargetGuardTest {

    private static final AlertsProperties DEFAULTS = new AlertsProperties(5, Duration.ofSeconds(10),
            Duration.ofMinutes(10), Duration.ofSeconds(10), 10_000, false, Duration.ofMinutes(2));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "0.0.0.0", "0.1.2.3", "10.0.0.1", "172.16.0.1",
            "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "224.0.0.1",
            "239.255.255.250", "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
            "ff02::1", "fec0::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::127.0.0.1", "64:ff9b::a9fe:a9fe"})
    void anAddressOfTheHostOrAPrivateNetworkIsNotPublic(String address) throws UnknownHostException {
        assertThat(WebhookTargetGuard.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "192.169.0.1", "223.255.255.255", "2606:4700::1111", "64:ff9b::808:808"})
    void anAddressOnTheInternetIsPublic(String address) throws UnknownHostException {
        assertThat(WebhookTargetGuard.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void aDeliveryToAPrivateAddressIsRefusedBeforeAnythingIsSent() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            HttpDeliverySender sender = new HttpDeliverySender(Duration.ofSeconds(5), new WebhookTargetGuard(DEFAULTS));
            Delivery delivery = new Delivery(1, new AlertAction.Webhook(receiver.url("/ok/private")), "secret", null,
                    "{}");

            assertThatThrownBy(() -> sender.send(delivery))
                    .isInstanceOf(DeliveryFailedException.class)
                    .hasMessageStartingWith("refused: host 127.0.0.1 resolves to 127.0.0.1");
            assertThat(receiver.received("/ok/private")).isEmpty();
        }
    }

    @Test
    void allowingPrivateWebhooksLetsALocalReceiverTakeTheDelivery() throws Exception {
        AlertsProperties allowing = new AlertsProperties(5, Duration.ofSeconds(10), Duration.ofMinutes(10),
                Duration.ofSeconds(10), 10_000, true, Duration.ofMinutes(2));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            HttpDeliverySender sender = new HttpDeliverySender(Duration.ofSeconds(5), new WebhookTargetGuard(allowing));

            sender.send(new Delivery(1, new AlertAction.Webhook(receiver.url("/ok/allowed")), "secret", null, "{}"));

            assertThat(receiver.received("/ok/allowed")).extracting(WebhookReceiver.Received::text)
                    .isEqualTo(List.of("{}"));
        }
    }
}
