package io.gazette.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gazette.build.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real-browser tests need Debian's chromium and {@code npm ci} in src/test/js. On a developer
 * machine without them the tests are skipped; CI runs with {@code -Dgazette.requireBrowser=true},
 * which turns a missing browser into a failure instead of a silent skip.
 */
public final class BrowserSupport {
    public static final Path JS = TestSites.projectRoot().resolve("src/test/js");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private BrowserSupport() {
    }

    public static void requireBrowser() {
        boolean ready = Files.isExecutable(CHROMIUM) && Files.isDirectory(JS.resolve("node_modules/playwright-core"));
        if (Boolean.getBoolean("gazette.requireBrowser") && !ready) {
            throw new AssertionError("the browser tests need /usr/bin/chromium and `npm ci` in src/test/js"
                    + " (bash .ci/run installs both)");
        }
        assumeTrue(ready, "chromium or playwright-core not installed; run bash .ci/run");
    }
}
