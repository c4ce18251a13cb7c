package dev.picket;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The URL users and SDKs reach Picket at, for DSNs and links: {@code picket.base-url} when set,
 * else {@code http://localhost:<the port the server listens on>}.
 */
@Component
public class BaseUrl {

    private static final Logger log = LoggerFactory.getLogger(BaseUrl.class);

    private final String configured;
    private volatile String url;

    BaseUrl(PicketProperties properties) {
        this.configured = trimSlash(properties.baseUrl());
        this.url = configured;
        if (configured != null) {
            URI uri = URI.create(configured);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "picket.base-url must be an absolute http(s) URL, not '" + configured + "'");
            }
        }
    }

    /** Without a trailing slash. */
    public String get() {
        return url == null ? "http://localhost" : url;
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (configured == null) {
            url = "http://localhost:" + event.getWebServer().getPort();
        }
        log.info("Picket is ready at {}", get());
    }

    private static String trimSlash(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
