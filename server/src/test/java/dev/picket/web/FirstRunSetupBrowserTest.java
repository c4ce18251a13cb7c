package dev.picket.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A Picket started without {@code PICKET_ADMIN_*}: the first visitor is led to setup, creates the
 * administrator there and signs in; then setup is gone. The steps build on each other, in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"picket.admin.email=", "picket.admin.password=", "picket.admin.token="})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunSetupBrowserTest extends BrowserTest {

    private static final String EMAIL = "first@picket.test";
    private static final String PASSWORD = "first-admin-password";

    @Test
    @Order(1)
    void firstVisitorIsLedToSetup() {
        page.navigate("/");

        assertThat(page).hasURL(Pattern.compile(".*/setup$"));
        assertThat(page.locator("h1")).hasText("Set up Picket");
    }

    @Test
    @Order(2)
    void setupRefusesPasswordsThatDiffer() {
        page.navigate("/setup");
        fill(EMAIL, PASSWORD, PASSWORD + "-typo");

        assertThat(page.locator("p.error")).hasText("The two passwords differ.");
        assertThat(page.getByLabel("E-mail")).hasValue(EMAIL);
    }

    @Test
    @Order(3)
    void setupCreatesTheAdministratorWhoThenSignsIn() {
        page.navigate("/setup");
        fill(EMAIL, PASSWORD, PASSWORD);

        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(page.locator("p.notice")).containsText("Administrator created");
        SignIn.as(page, EMAIL, PASSWORD);
        assertThat(page.locator("h1")).hasText("Projects");
        assertThat(page.locator("h2")).hasText("Default");
    }

    @Test
    @Order(4)
    void setupIsGoneOnceAnAdministratorExists() {
        assertThat(page.navigate("/setup").status()).isEqualTo(404);
        page.navigate("/");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    private void fill(String email, String password, String confirmation) {
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByLabel("Password again").fill(confirmation);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create administrator")).click();
    }
}
