package dev.picket.projects;

import dev.picket.BaseUrl;
import java.net.URI;
import org.springframework.stereotype.Component;

/** The DSN and endpoint URLs of a key, from the {@link BaseUrl} (which may carry a path prefix). */
@Component
public class DsnUrls {

    private final BaseUrl baseUrl;

    DsnUrls(BaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The DSN an SDK is given: the public key, no secret. */
    public String publicDsn(DsnKey key) {
        return of(key).publicDsn();
    }

    ProjectKeyJson.Dsn of(DsnKey key) {
        String base = baseUrl.get();
        URI uri = URI.create(base);
        String hostAndPath = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
        String dsnBase = uri.getScheme() + "://" + key.publicKey();
        String projectApi = base + "/api/" + key.projectId();
        String security = projectApi + "/security/?sentry_key=" + key.publicKey();
        return new ProjectKeyJson.Dsn(
                dsnBase + "@" + hostAndPath + "/" + key.projectId(),
                dsnBase + ":" + key.secretKey() + "@" + hostAndPath + "/" + key.projectId(),
                security,
                security,
                projectApi + "/store/",
                projectApi + "/envelope/");
    }
}
