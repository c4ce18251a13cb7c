package dev.picket.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import dev.picket.web.BrowserTest;
import dev.picket.web.SignIn;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Failed sign-ins are limited per account and per address, in a short window here (long enough
 * for a few sign-ins in a browser on a busy machine; every browser
 * signs in from 127.0.0.1, so the account test runs first and its failures have aged out of the
 * window before the address test starts).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "picket.login.max-failures-per-account=2", "picket.login.max-failures-per-address=4",
        "picket.login.window=8s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginRateLimitBrowserTest extends BrowserTest {

    private static final long WINDOW_MILLIS = 8_000;

    @Autowired
    Users users;

    @Test
    @Order(1)
    void accountIsRefusedAfterTooManyFailuresEvenWithTheRightPasswordUntilTheWindowPasses() throws Exception {
        String email = "guessed-" + UUID.randomUUID() + "@example.com";
        users.create(email, "right-password", false);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(signIn(page, email, "wrong-guess-" + attempt).status()).isEqualTo(302);
            assertThat(page.locator("p.error")).hasText("Wrong e-mail or password.");
        }

        Response refused = signIn(page, email, "right-password");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(page.locator("p.error")).hasText("Too many failed sign-ins, try again in 1 minute.");
        Thread.sleep(WINDOW_MILLIS + 500);
        SignIn.as(page, email, "right-password");
    }

    @Test
    @Order(2)
    void addressIsRefusedAfterTooManyFailuresAcrossAccounts() throws Exception {
        Thread.sleep(WINDOW_MILLIS + 500);
        for (int attempt = 0; attempt < 4; attempt++) {
            signIn(page, "nobody-" + attempt + "@example.com", "wrong-guess");
            assertThat(page.locator("p.error")).hasText("Wrong e-mail or password.");
        }

        Response refused = signIn(page, SignIn.ADMIN_EMAIL, SignIn.ADMIN_PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(page.locator("p.error")).hasText("Too many failed sign-ins, try again in 1 minute.");
    }

    /** Submits the sign-in form and returns the response to the POST itself (not to where it redirects). */
    private static Response signIn(Page page, String email, String password) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        return page.waitForResponse(response -> response.request().method().equals("POST"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click());
    }
}
