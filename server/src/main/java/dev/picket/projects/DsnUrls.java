package dev.picket.projects;

import dev.picket.PicketProperties;
import java.net.URI;
import org.springframework.stereotype.Component;

/** The DSN and endpoint URLs of a key, from {@code picket.base-url} (which may carry a path prefix). */
@Component
class DsnUrls {

    private final String base;
    private final String scheme;
    private final String hostAndPath;

    DsnUrls(PicketProperties properties) {
        this.base = properties.baseUrlTrimmed();
        URI uri = URI.create(base);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("picket.base-url must be an absolute http(s) URL, not '" + base + "'");
        }
        this.scheme = uri.getScheme();
        this.hostAndPath = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    ProjectKeyJson.Dsn of(DsnKey key) {
        String projectApi = base + "/api/" + key.projectId();
        String security = projectApi + "/security/?sentry_key=" + key.publicKey();
        return new ProjectKeyJson.Dsn(
                scheme + "://" + key.publicKey() + "@" + hostAndPath + "/" + key.projectId(),
                scheme + "://" + key.publicKey() + ":" + key.secretKey() + "@" + hostAndPath + "/" + key.projectId(),
                security,
                security,
                projectApi + "/store/",
                projectApi + "/envelope/");
    }
}
