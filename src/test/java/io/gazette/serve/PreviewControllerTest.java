package io.gazette.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gazette.problems.BuildFailedException;
import io.gazette.problems.Problem;

/**
 * The rebuild loop with a small real rebuilder: "sources" are a map of name → text, each rendered
 * to {@code <name>/index.html}; a source containing "BROKEN" fails the build.
 */
class PreviewControllerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Map<String, String> sources = new ConcurrentHashMap<>();
    private final List<ChangeSet> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(consoleBytes, true, UTF_8);
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private PreviewSite site;
    private LiveReload liveReload;
    private PreviewController controller;

    private final Rebuilder rebuilder = (changes, tx) -> {
        seen.add(changes);
        gate.await();
        List<Problem> problems = new ArrayList<>();
        if (changes.full()) {
            tx.clear();
        }
        for (Map.Entry<String, String> source : new java.util.TreeMap<>(sources).entrySet()) {
            if (source.getValue().contains("BROKEN")) {
                problems.add(Problem.error(Path.of("content", source.getKey() + ".md"), 2,
                        "cannot parse <b>" + source.getKey() + "</b>", "remove BROKEN"));
            }
            tx.write(source.getKey() + "/index.html", ("<body>" + source.getValue() + "</body>").getBytes(UTF_8));
        }
        if (!problems.isEmpty()) {
            throw new BuildFailedException(problems);
        }
        return RebuildResult.ok();
    };

    @BeforeEach
    void start() {
        site = PreviewSite.inMemory();
        liveReload = new LiveReload(site, Duration.ofSeconds(15));
        controller = new PreviewController(site, liveReload, rebuilder, console).start();
    }

    @AfterEach
    void stop() {
        controller.close();
        liveReload.close();
        site.close();
    }

    @Test
    void aSuccessfulRebuildIsCommittedAndPrintedOnOneLine() throws Exception {
        sources.put("a", "A1");
        sources.put("b", "B1");
        controller.rebuildEverything();
        assertThat(controller.awaitIdle(WAIT)).isTrue();
        assertThat(site.current().paths()).containsExactly("a/index.html", "b/index.html");
        assertThat(console()).isEqualTo("rebuilt 2 pages in " + millisIn(console()) + " ms\n");

        sources.put("a", "A2");
        controller.onChanges(modified("content/a.md"));
        assertThat(controller.awaitIdle(WAIT)).isTrue();
        assertThat(console()).endsWith("rebuilt 1 page in " + millisIn(lastLine()) + " ms (content/a.md)\n");
    }

    @Test
    void aFailedRebuildKeepsTheLastGoodSiteAndShowsTheOverlayUntilFixed() throws Exception {
        sources.put("a", "A1");
        controller.rebuildEverything();
        controller.awaitIdle(WAIT);
        SiteSnapshot good = site.current();

        sources.put("a", "A2 BROKEN");
        controller.onChanges(modified("content/a.md"));
        assertThat(controller.awaitIdle(WAIT)).isTrue();
        assertThat(site.current()).isSameAs(good);
        assertThat(new String(site.current().read("a/index.html"), UTF_8)).isEqualTo("<body>A1</body>");
        assertThat(liveReload.problems()).containsExactly(
                "content/a.md:2: error: cannot parse <b>a</b>\n    hint: remove BROKEN");
        assertThat(console()).contains("build failed in").contains("still serving the last good build")
                .contains("content/a.md:2: error: cannot parse <b>a</b>");

        sources.put("a", "A3");
        controller.onChanges(modified("content/b.md"));
        assertThat(controller.awaitIdle(WAIT)).isTrue();
        assertThat(liveReload.problems()).isEmpty();
        assertThat(new String(site.current().read("a/index.html"), UTF_8)).isEqualTo("<body>A3</body>");
        // The failed change is handed over again with the next one.
        assertThat(seen.get(seen.size() - 1).modified())
                .containsExactly(Path.of("content/a.md"), Path.of("content/b.md"));
    }

    @Test
    void changesArrivingDuringARebuildAreMergedIntoOneMore() throws Exception {
        sources.put("a", "A1");
        gate = new CountDownLatch(1);
        controller.rebuildEverything();
        while (seen.isEmpty()) {
            Thread.sleep(5);
        }
        for (int i = 0; i < 20; i++) {
            controller.onChanges(modified("content/" + i + ".md"));
        }
        gate.countDown();
        assertThat(controller.awaitIdle(WAIT)).isTrue();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).modified()).hasSize(20);
        assertThat(controller.rebuilds()).isEqualTo(2);
    }

    @Test
    void followUpsWaitUntilTheEditorPausesAndNeverDelayAnEdit() throws Exception {
        Duration quiet = Duration.ofMillis(1000); // far above the 150 ms between saves: no flakes on a busy machine
        Path marker = Path.of("[follow-up]");
        List<Long> followUpStarts = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> editStarts = java.util.Collections.synchronizedList(new ArrayList<>());
        PreviewController[] self = new PreviewController[1];
        PreviewController paced = new PreviewController(site, liveReload, (changes, tx) -> {
            if (changes.all().equals(new TreeSet<>(Set.of(marker)))) {
                followUpStarts.add(System.nanoTime());
                Thread.sleep(50);
            } else {
                editStarts.add(System.nanoTime());
                tx.write("a/index.html", ("<body>" + changes + "</body>").getBytes(UTF_8));
                self[0].later(new ChangeSet(new TreeSet<>(), new TreeSet<>(Set.of(marker)), new TreeSet<>(), false));
            }
            return RebuildResult.ok();
        }, console, quiet).start();
        self[0] = paced;
        try {
            long lastEdit = 0;
            for (int i = 0; i < 8; i++) {
                lastEdit = System.nanoTime();
                paced.onChanges(modified("content/" + i + ".md"));
                Thread.sleep(150); // an editor saving faster than the quiet period
            }
            assertThat(followUpStarts).as("no follow-up while the editor keeps saving").isEmpty();
            assertThat(paced.awaitIdle(WAIT)).isTrue();
            assertThat(editStarts).hasSize(8);
            assertThat(followUpStarts).as("the follow-ups of eight edits ran once").hasSize(1);
            assertThat(followUpStarts.get(0) - lastEdit).isGreaterThanOrEqualTo(quiet.toNanos());
        } finally {
            paced.close();
        }
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorNotACrash() throws Exception {
        PreviewController crashing = new PreviewController(site, liveReload, (changes, tx) -> {
            throw new NullPointerException("oops");
        }, console).start();
        try {
            crashing.rebuildEverything();
            assertThat(crashing.awaitIdle(WAIT)).isTrue();
            assertThat(liveReload.problems()).singleElement().asString().startsWith("error: internal error: java.lang.NullPointerException: oops");
            crashing.rebuildEverything();
            assertThat(crashing.awaitIdle(WAIT)).isTrue();
            assertThat(crashing.rebuilds()).isEqualTo(2);
        } finally {
            crashing.close();
        }
    }

    private String console() {
        return consoleBytes.toString(UTF_8);
    }

    private String lastLine() {
        String[] lines = console().split("\n");
        return lines[lines.length - 1];
    }

    private static String millisIn(String line) {
        return line.replaceAll("(?s).* in (\\d+) ms.*", "$1");
    }

    private static ChangeSet modified(String path) {
        return new ChangeSet(new TreeSet<>(), new TreeSet<>(Set.of(Path.of(path))), new TreeSet<>(), false);
    }
}
