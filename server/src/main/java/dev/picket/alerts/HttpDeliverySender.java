package dev.picket.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** POSTs webhook and Slack alerts; a webhook's body is signed with its rule's secret. */
final class HttpDeliverySender {

    private static final int MAX_ERROR_BODY = 200;

    private final HttpClient client;
    private final Duration timeout;
    private final WebhookTargetGuard targets;

    HttpDeliverySender(Duration timeout, WebhookTargetGuard targets) {
        this.timeout = timeout;
        this.targets = targets;
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The target is judged again here, as its name may resolve elsewhere now than when the rule was
     * saved. (The client resolves it once more to connect; redirects are never followed.)
     */
    void send(Delivery delivery) throws DeliveryFailedException, InterruptedException {
        targets.checkBeforeSending(delivery.action().target());
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.action().target()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Picket-Alerts")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (delivery.action() instanceof AlertAction.Webhook) {
            request.header(WebhookSignature.HEADER, WebhookSignature.of(delivery.secret(), body));
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryFailedException(e.toString(), e);
        }
        if (response.statusCode() / 100 != 2) {
            String answer = response.body();
            throw new DeliveryFailedException("HTTP " + response.statusCode() + ": "
                    + (answer.length() > MAX_ERROR_BODY ? answer.substring(0, MAX_ERROR_BODY) + "…" : answer));
        }
    }
}
