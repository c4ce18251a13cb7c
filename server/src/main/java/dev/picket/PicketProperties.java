package dev.picket;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every feature may read. Set from {@code application.yml} or {@code PICKET_*} variables.
 *
 * @param dataDir where the embedded database and other files live
 * @param baseUrl the URL users and SDKs reach Picket at; read it through {@link BaseUrl}
 */
@ConfigurationProperties("picket")
public record PicketProperties(Path dataDir, String baseUrl) {
}
