package io.gazette.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveReloadTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration SHORT = Duration.ofMillis(400);
    private static final Pattern TOKEN = Pattern.compile("data-page=\"([^\"]*)\"");

    private PreviewSite site;
    private PreviewServer server;

    @BeforeEach
    void start() throws Exception {
        site = PreviewSite.inMemory();
        commit("index.html", "<body>home</body>", "a/index.html", "<body>A v1</body>",
                "b/index.html", "<body>B v1</body>", "404.html", "<body>missing</body>");
        server = PreviewServer.builder(site).port(0).keepAliveInterval(Duration.ofMillis(200)).build().start();
    }

    @AfterEach
    void stop() {
        server.close();
        site.close();
    }

    @Test
    void aTabIsToldToReloadWhenItsPageChanges() throws Exception {
        try (TestHttp.SseClient tab = open("/a/")) {
            assertThat(tab.next(WAIT)).isEqualTo(new TestHttp.Event("ok", "{}"));
            commit("a/index.html", "<body>A v2</body>");
            TestHttp.Event event = tab.next(WAIT);
            assertThat(event.name()).isEqualTo("reload");
            assertThat(event.data()).contains("a/index.html");
        }
    }

    @Test
    void otherTabsAreLeftAlone() throws Exception {
        try (TestHttp.SseClient tabA = open("/a/"); TestHttp.SseClient tabB = open("/b/")) {
            assertThat(tabA.next(WAIT).name()).isEqualTo("ok");
            assertThat(tabB.next(WAIT).name()).isEqualTo("ok");
            commit("a/index.html", "<body>A v2</body>", "sitemap.xml", "<urlset/>");
            assertThat(tabA.next(WAIT).name()).isEqualTo("reload");
            assertThat(tabB.next(SHORT)).isNull();
        }
    }

    @Test
    void stylesheetChangesReloadEveryTab() throws Exception {
        try (TestHttp.SseClient tabA = open("/a/"); TestHttp.SseClient tabB = open("/b/")) {
            tabA.next(WAIT);
            tabB.next(WAIT);
            commit("css/site.css", "body{}");
            assertThat(tabA.next(WAIT).name()).isEqualTo("reload");
            assertThat(tabB.next(WAIT).name()).isEqualTo("reload");
        }
    }

    @Test
    void aTabShowingThe404PageReloadsWhenThePageAppears() throws Exception {
        try (TestHttp.SseClient tab = open("/new/")) {
            tab.next(WAIT);
            commit("new/index.html", "<body>new</body>");
            assertThat(tab.next(WAIT).name()).isEqualTo("reload");
        }
    }

    @Test
    void aTabThatLoadedAnOlderVersionReloadsAsSoonAsItConnects() throws Exception {
        String token = tokenOf("/a/");
        commit("a/index.html", "<body>A v2</body>"); // lands between page load and connect
        try (TestHttp.SseClient tab = new TestHttp.SseClient(server.port(), "/a/", token)) {
            assertThat(tab.next(WAIT).name()).isEqualTo("ok");
            assertThat(tab.next(WAIT).name()).isEqualTo("reload");
        }
        try (TestHttp.SseClient fresh = new TestHttp.SseClient(server.port(), "/a/", tokenOf("/a/"))) {
            assertThat(fresh.next(WAIT).name()).isEqualTo("ok");
            assertThat(fresh.next(SHORT)).isNull();
        }
    }

    @Test
    void problemsAreShownToOpenAndNewTabsUntilCleared() throws Exception {
        LiveReload live = server.liveReload();
        try (TestHttp.SseClient tab = open("/a/")) {
            assertThat(tab.next(WAIT).name()).isEqualTo("ok");
            live.showProblems(List.of("content/a.md:3: error: bad date </pre><script>alert(1)</script>\n    hint: use 2014-08-18"));
            TestHttp.Event problems = tab.next(WAIT);
            assertThat(problems.name()).isEqualTo("problems");
            // JSON with markup escaped: the overlay puts it in with textContent anyway.
            assertThat(problems.data()).startsWith("{\"problems\":[\"content/a.md:3: error: bad date ")
                    .contains("\\u003c/pre\\u003e\\u003cscript\\u003e").contains("\\n    hint: use 2014-08-18")
                    .doesNotContain("<script>");

            try (TestHttp.SseClient later = open("/b/")) {
                assertThat(later.next(WAIT).name()).isEqualTo("problems");
            }

            live.clearProblems();
            assertThat(tab.next(WAIT).name()).isEqualTo("ok");
            assertThat(live.problems()).isEmpty();
        }
    }

    @Test
    void keepsTheStreamAliveAndForgetsClientsThatLeft() throws Exception {
        TestHttp.SseClient tab = open("/a/");
        Object comment;
        do {
            comment = tab.nextRaw(WAIT);
        } while (comment instanceof TestHttp.Event event && !event.name().equals("comment"));
        assertThat(comment).isEqualTo(new TestHttp.Event("comment", "keep-alive"));
        assertThat(server.liveReload().clientCount()).isEqualTo(1);

        tab.close();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.liveReload().clientCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.liveReload().clientCount()).isZero();
    }

    @Test
    void closingTheServerEndsTheStreams() throws Exception {
        try (TestHttp.SseClient tab = open("/a/")) {
            tab.next(WAIT);
            server.liveReload().close();
            Object item;
            do {
                item = tab.nextRaw(WAIT);
            } while (item instanceof TestHttp.Event);
            assertThat(item).isEqualTo("EOF");
        }
    }

    @Test
    void refusesStreamsWithoutASafePath() throws Exception {
        assertThat(TestHttp.raw(server.port(), LiveReload.EVENTS_PATH).status()).isEqualTo(400);
        assertThat(TestHttp.raw(server.port(), LiveReload.EVENTS_PATH + "?path=/../x").status()).isEqualTo(400);
    }

    private TestHttp.SseClient open(String path) throws Exception {
        return new TestHttp.SseClient(server.port(), path, tokenOf(path));
    }

    private String tokenOf(String path) throws Exception {
        Matcher matcher = TOKEN.matcher(TestHttp.get(server.url(), path).body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private void commit(String... pathsAndContents) {
        try (PreviewSite.Transaction tx = site.begin()) {
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                tx.write(pathsAndContents[i], pathsAndContents[i + 1].getBytes(UTF_8));
            }
            tx.commit();
        }
    }
}
