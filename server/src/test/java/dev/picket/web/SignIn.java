package dev.picket.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Signs in through the login form, as a person does. */
public final class SignIn {

    /** The administrator of the test profile. */
    public static final String ADMIN_EMAIL = "admin@picket.test";
    public static final String ADMIN_PASSWORD = "admin-password";

    private SignIn() {
    }

    public static void as(Page page, String email, String password) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(page.url()).doesNotContain("/login");
    }

    public static void asAdmin(Page page) {
        as(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    }
}
