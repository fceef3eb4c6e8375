package io.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gazette.build.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    /**
     * Runs {@code src/test/js/<script>} with Node, which drives Chromium; fails unless it ends
     * within {@code seconds} with exit code 0. Returns what it printed, for the test's own checks.
     */
    public static String node(int seconds, String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", JS.resolve(script).toString()));
        command.addAll(List.of(args));
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(seconds, TimeUnit.SECONDS)).as(script + " ends within " + seconds + " s").isTrue();
        assertThat(node.exitValue()).as(log).isZero();
        return log;
    }
}
