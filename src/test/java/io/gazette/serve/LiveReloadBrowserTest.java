package io.gazette.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The injected script in a real browser: reload on change, the overlay as text, in new tabs too,
 * and gone once fixed. Needs Debian's chromium and {@code npm install} in src/test/js; skipped
 * without them.
 */
class LiveReloadBrowserTest {
    private static final Path JS = io.gazette.build.TestSites.projectRoot().resolve("src/test/js");

    @Test
    void reloadsAndShowsProblemsAsText() throws Exception {
        io.gazette.browser.BrowserSupport.requireBrowser();

        try (PreviewSite site = PreviewSite.inMemory()) {
            commit(site, "a/index.html", "<!doctype html><html><body><p>A v1</p></body></html>");
            commit(site, "b/index.html", "<!doctype html><html><body><p>B v1</p></body></html>");
            // Short keep-alives: a stream the browser closed is noticed at the next write.
            PreviewServer server = PreviewServer.builder(site).port(0).keepAliveInterval(Duration.ofMillis(250))
                    .build().start();
            Path shot = Files.createDirectories(Path.of("target")).resolve("live-reload-overlay.png");
            Process node = new ProcessBuilder("node", JS.resolve("serve-live-reload.browser.mjs").toString(),
                    server.url().toString(), shot.toString()).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), UTF_8));
                 Writer in = node.outputWriter(UTF_8)) {
                assertThat(out.readLine()).isEqualTo("loaded A v1");
                awaitClients(server, 1);

                commit(site, "a/index.html", "<!doctype html><html><body><p>A v2</p></body></html>");
                send(in, "changed");
                assertThat(out.readLine()).isEqualTo("reloaded A v2");
                awaitClients(server, 1);

                server.liveReload().showProblems(List.of(
                        "content/a.md:3: error: bad <img src=x onerror=\"window.pwned=1\"> tag\n    hint: close it"));
                send(in, "broken");
                assertThat(out.readLine()).isEqualTo("overlay [\"content/a.md:3: error: bad <img src=x "
                        + "onerror=\\\"window.pwned=1\\\"> tag\\n    hint: close it\"] injected=0");
                assertThat(out.readLine()).isEqualTo("overlay-in-new-tab");

                server.liveReload().clearProblems();
                send(in, "fixed");
                assertThat(out.readLine()).isEqualTo("cleared");

                assertThat(out.readLine()).isEqualTo("hidden");
                awaitClientsAtMost(server, 1); // only the visible tab still listens
                commit(site, "a/index.html", "<!doctype html><html><body><p>A v3</p></body></html>");
                send(in, "changed-while-hidden");
                assertThat(out.readLine()).isEqualTo("caught-up A v3");
                assertThat(node.waitFor(20, TimeUnit.SECONDS)).isTrue();
                assertThat(node.exitValue()).isZero();
            } finally {
                node.destroyForcibly();
                server.close();
            }
        }
    }

    private static void awaitClients(PreviewServer server, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.liveReload().clientCount() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.liveReload().clientCount()).isGreaterThanOrEqualTo(count);
    }

    private static void awaitClientsAtMost(PreviewServer server, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.liveReload().clientCount() > count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.liveReload().clientCount()).isLessThanOrEqualTo(count);
    }

    private static void send(Writer in, String line) throws java.io.IOException {
        in.write(line + "\n");
        in.flush();
    }

    private static void commit(PreviewSite site, String path, String html) {
        try (PreviewSite.Transaction tx = site.begin()) {
            tx.write(path, html.getBytes(UTF_8));
            tx.commit();
        }
    }
}
