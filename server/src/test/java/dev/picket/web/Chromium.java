package dev.picket.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, headless. Playwright's own browsers are never downloaded:
 * without {@code /usr/bin/chromium} the browser tests skip ({@link #MISSING}).
 */
public final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Why browser tests are skipped where {@link #installed()} is false. */
    public static final String MISSING = "Browser tests skipped: no Chromium at /usr/bin/chromium (on Debian: apt-get install chromium)";

    /** For {@code @EnabledIf} on browser test classes, so that they skip before starting Picket. */
    public static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    public static Chromium launch() {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
        return new Chromium(playwright, browser);
    }

    /** A page in a fresh browser context (no cookies), on a laptop-sized screen, resolving paths against Picket. */
    public Page newPage(int port) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port).setViewportSize(1366, 860));
        return context.newPage();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
