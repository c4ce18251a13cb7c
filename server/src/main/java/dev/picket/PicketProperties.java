package dev.picket;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every feature may read. Set from {@code application.yml} or {@code PICKET_*} variables.
 *
 * @param dataDir where the embedded database and other files live
 * @param baseUrl the URL users and SDKs reach Picket at; used in DSNs and links
 */
@ConfigurationProperties("picket")
public record PicketProperties(Path dataDir, String baseUrl) {

    /** The base URL without a trailing slash. */
    public String baseUrlTrimmed() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
