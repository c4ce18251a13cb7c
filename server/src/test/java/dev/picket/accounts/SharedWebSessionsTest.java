package dev.picket.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.picket.PicketApplication;
import dev.picket.store.SqlDialect;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Web sessions live in the database: a browser signed in stays signed in when Picket restarts, and
 * when its requests reach another instance on the same database.
 */
class SharedWebSessionsTest {

    private static final String EMAIL = "admin@picket.test";
    private static final String PASSWORD = "admin-password";

    @TempDir
    Path dataDir;

    @TempDir
    Path otherDataDir;

    @Test
    void signedInBrowserIsStillSignedInAfterARestart() throws Exception {
        Browser browser = new Browser();
        try (ConfigurableApplicationContext before = start(dataDir)) {
            browser.signIn(port(before));
        }

        try (ConfigurableApplicationContext after = start(dataDir)) {
            browser.assertSignedIn(port(after));
        }
    }

    @Test
    void browserSignedInOnOneInstanceIsSignedInOnAnotherOnTheSameDatabase() throws Exception {
        try (ConfigurableApplicationContext first = start(dataDir)) {
            assumeTrue(first.getBean(SqlDialect.class).allowsSeveralInstances(),
                    "several instances need PostgreSQL: SQLite has one per file");
            try (ConfigurableApplicationContext second = start(otherDataDir, sameDatabaseAs(first))) {
                Browser browser = new Browser();
                browser.signIn(port(first));

                browser.assertSignedIn(port(second));
            }
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--picket.data-dir=" + dataDir));
        args.addAll(List.of(more));
        // Arguments, not default properties: they must win over the test profile's own data dir.
        return new SpringApplicationBuilder(PicketApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    private static String[] sameDatabaseAs(ConfigurableApplicationContext instance) {
        Environment env = instance.getEnvironment();
        return new String[] {"--picket.database.url=" + env.getProperty("picket.database.url"),
                "--picket.database.username=" + env.getProperty("picket.database.username", ""),
                "--picket.database.password=" + env.getProperty("picket.database.password", "")};
    }

    private static int port(ConfigurableApplicationContext instance) {
        return instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** One browser's cookies, whichever instance (port) it talks to. */
    private static final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        void signIn(int port) throws IOException, InterruptedException {
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(port, "/login").body());
            assertThat(csrf.find()).as("a CSRF token on the login page").isTrue();
            String form = "email=" + encode(EMAIL) + "&password=" + encode(PASSWORD) + "&_csrf=" + encode(csrf.group(1));
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(port, "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(response.headers().firstValue("Location")).as("where signing in leads")
                    .hasValueSatisfying(location -> assertThat(location).doesNotContain("/login"));
        }

        void assertSignedIn(int port) throws IOException, InterruptedException {
            HttpResponse<String> home = get(port, "/");
            assertThat(home.headers().firstValue("Location")).as("a redirect (to the login page)").isEmpty();
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).as("the page's signed-in header").contains(EMAIL);
        }

        private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(port, path)).GET());
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static URI uri(int port, String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
