package dev.picket.web;

import com.microsoft.playwright.Page;
import dev.picket.testing.PicketClient;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test: Picket on a random port, one Chromium for the class and a fresh {@link #page} (no
 * cookies) for each test. Superclass {@code @BeforeAll}/{@code @BeforeEach} run before the subclass's,
 * so a subclass may sign in or set up data with {@link #chromium}, {@link #picket} and {@link #page} ready.
 * A subclass that needs properties declares its own {@code @SpringBootTest}, which replaces this one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@BrowserTest.WhereChromiumIsInstalled
public abstract class BrowserTest {

    /** {@code @EnabledIf} is not {@code @Inherited}; this carries it to the subclasses. */
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @EnabledIf(value = "dev.picket.web.Chromium#installed", disabledReason = Chromium.MISSING)
    @interface WhereChromiumIsInstalled {
    }

    @LocalServerPort
    protected int port;

    protected Chromium chromium;
    protected PicketClient picket;
    protected Page page;

    @BeforeAll
    void launchChromium() {
        chromium = Chromium.launch();
        picket = new PicketClient(port);
    }

    @AfterAll
    void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void openPage() {
        page = chromium.newPage(port);
    }

    @AfterEach
    void closePage() {
        page.context().close();
    }
}
