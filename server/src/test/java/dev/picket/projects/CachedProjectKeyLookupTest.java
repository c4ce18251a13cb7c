package dev.picket.projects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.api.ApiTest;
import dev.picket.api.HttpApi;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApiTest
class CachedProjectKeyLookupTest {

    @LocalServerPort
    int port;

    @Autowired
    ProjectKeyLookup lookup;

    @Autowired
    Projects projects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    CreatedProject created;
    String publicKey;

    @BeforeEach
    void setUp() {
        created = projects.create("default", "default", "Lookup " + UUID.randomUUID());
        publicKey = created.key().publicKey();
    }

    @Test
    void findsAKeyWithItsProject() {
        ProjectKey key = lookup.findByPublicKey(publicKey).orElseThrow();

        assertThat(key.projectId()).isEqualTo(created.project().id());
        assertThat(key.active()).isTrue();
        assertThat(key.rateLimitCount()).isZero();
    }

    @Test
    void repeatedLookupsAreServedFromMemory() {
        double loadsBefore = loads();
        lookup.findByPublicKey(publicKey);
        // A change behind the application's back stays unseen while the key is cached: proof that
        // the lookups below do not read the database.
        jdbc.sql("UPDATE project_keys SET is_active = 0 WHERE public_key = ?").param(publicKey).update();

        for (int i = 0; i < 100; i++) {
            assertThat(lookup.findByPublicKey(publicKey).orElseThrow().active()).isTrue();
        }
        assertThat(loads() - loadsBefore).isEqualTo(1);
    }

    @Test
    void disablingAKeyThroughTheApiIsSeenAtOnce() {
        assertThat(lookup.findByPublicKey(publicKey).orElseThrow().active()).isTrue();

        HttpApi.withToken(port, ApiTest.ADMIN_TOKEN).put(
                "/api/0/projects/default/" + created.project().slug() + "/keys/" + publicKey + "/",
                "{\"isActive\": false, \"rateLimit\": {\"count\": 10, \"window\": 60}}");

        ProjectKey key = lookup.findByPublicKey(publicKey).orElseThrow();
        assertThat(key.active()).isFalse();
        assertThat(key.rateLimitCount()).isEqualTo(10);
        assertThat(key.rateLimitWindowSeconds()).isEqualTo(60);
    }

    @Test
    void deletedKeyIsUnknownAtOnce() {
        assertThat(lookup.findByPublicKey(publicKey)).isPresent();

        HttpApi.withToken(port, ApiTest.ADMIN_TOKEN).delete(
                "/api/0/projects/default/" + created.project().slug() + "/keys/" + publicKey + "/");

        assertThat(lookup.findByPublicKey(publicKey)).isEmpty();
    }

    @Test
    void unknownAndMalformedKeysAreNotFound() {
        assertThat(lookup.findByPublicKey("ffffffffffffffffffffffffffffffff")).isEmpty();
        assertThat(lookup.findByPublicKey("not a key")).isEmpty();
        assertThat(lookup.findByPublicKey(null)).isEmpty();
    }

    private double loads() {
        return meters.get("cache.gets").tag("cache", CachedProjectKeyLookup.CACHE_NAME).tag("result", "miss")
                .functionCounter().count();
    }
}
