package dev.picket.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole server on a random port with real SQLite, an administrator with an API token, and a
 * base URL with a path prefix (so that DSNs show it is kept). Test classes with this annotation
 * share one server, so each test makes its own projects.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "picket.admin.email=" + ApiTest.ADMIN_EMAIL,
        "picket.admin.password=correct horse battery staple",
        "picket.admin.token=" + ApiTest.ADMIN_TOKEN,
        "picket.base-url=https://errors.example.com/picket/"})
public @interface ApiTest {

    String ADMIN_EMAIL = "admin@example.com";
    String ADMIN_TOKEN = "3f1d0c0b5e8a4f7a9c2b6d1e0f3a5b7c9d2e4f6a8b0c1d3e5f7a9b2c4d6e8f0a";
}
