package dev.picket.processing.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How stack trace rule patterns match frame paths, modules and functions. */
class GlobTest {

    @ParameterizedTest(name = "{0} on {1} (path: {2}) -> {3}")
    @CsvSource({
            "**/node_modules/**, /srv/app/node_modules/express/index.js, true, true",
            "**/node_modules/**, /srv/app/src/index.js, true, false",
            "**/site-packages/**, /usr/lib/site-packages, true, false",
            "**https://unpkg.com/**, https://unpkg.com/react@18/index.js, true, true",
            "/usr/lib/**, /usr/lib/libc.so, true, true",
            "lib*/libc.so, lib64/libc.so, true, true",
            "lib*/libc.so, lib/64/libc.so, true, false",
            "java.*, java.lang.Thread, false, true",
            "java.*, javax.crypto.Cipher, false, false",
            "*sentrycrash_*, my_sentrycrash_handler, false, true",
            "android.app.ActivityThread, android.app.ActivityThread, false, true",
            "android.app.ActivityThread, android.app.ActivityThreadX, false, false",
            "?[[]KSCrash*, -[KSCrashInstallation install], false, true",
            "ab**ba, aba, false, false",
            "libobjc*, libobjc.a.dylib, true, true",
            "libobjc*, libobjc/a.dylib, true, false",
            "lib?.so, libc.so, true, true",
            "lib?.so, lib/.so, true, false",
            "a?c, a\uD83D\uDE00c, false, true",
            "[a-c]x, bx, false, true",
            "[a-c]x, dx, false, false",
            "-\\[NSISEngine*, -[NSISEngine layout], false, true",
            "-\\[NSISEngine*, [NSISEngine layout], false, false",
            "**/lib*.so, /usr/lib/libc.so, true, true",
            "**/lib*.so, /usr/lib/x/c.so, true, false",
            "**/*newrelic*/**, /srv/app/node_modules/newrelic/index.js, true, true",
            "**/*newrelic*/**, /srv/app/node_modules/@newrelic-x/lib/index.js, true, true",
            "**/*newrelic*/**, /srv/app/newrelic.js, true, false",
    })
    void matchesLikeSentrysGlobs(String glob, String value, boolean pathLike, boolean expected) {
        assertThat(Glob.compile(glob, pathLike).test(value)).isEqualTo(expected);
    }
}
