package io.gazette.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.TestSites;
import io.gazette.cli.ServeCommand;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editors' saves caught half-way, with the real watcher, pipeline and server: a file truncated
 * and written in two steps with a pause, or renamed away before the new one is renamed in, never
 * shows the error overlay or a missing page once the save is complete; a file left broken still
 * shows its error.
 */
class HalfWrittenSaveTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Longer than the watcher's quiet period, shorter than its half-written grace. */
    private static final long PAUSE_MILLIS = 300;
    private static final Pattern TOKEN = Pattern.compile("data-page=\"([^\"]*)\"");

    @TempDir
    Path project;

    private PreviewSession session;
    private Path article;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        System.setProperty("gazette.home", TestSites.projectRoot().toString());
        Files.createDirectories(project.resolve("content"));
        Files.writeString(project.resolve("site.yml"), "title: \"Bản tin\"\n");
        article = project.resolve("content/bai-viet.md");
        Files.writeString(article, text("Bản đầu tiên."));
        PreviewOptions options = new PreviewOptions(project, "127.0.0.1", 0, false, false, Clock.systemUTC());
        session = PreviewSession.start(options, ServeCommand::sitePipeline,
                new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(session.controller().awaitIdle(WAIT)).isTrue();
        assertThat(page()).contains("Bản đầu tiên.");
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.close();
        }
        System.clearProperty("gazette.home");
    }

    @Test
    void truncateThenWriteWithAPauseNeverShowsAnError() throws Exception {
        Watch watch = watch();
        try (OutputStream out = Files.newOutputStream(article, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            Thread.sleep(PAUSE_MILLIS); // the file is empty now
            byte[] bytes = text("Bản thứ hai.").getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, 20); // the front matter opened, not closed
            out.flush();
            Thread.sleep(PAUSE_MILLIS);
            out.write(bytes, 20, bytes.length - 20);
        }
        watch.until("Bản thứ hai.");
        watch.assertClean();
    }

    @Test
    void renameAwayThenRenameInWithAPauseNeverLosesThePage() throws Exception {
        Watch watch = watch();
        Path temporary = project.resolve("content/bai-viet.md.tmp"); // an ignored name
        Files.writeString(temporary, text("Bản thứ ba."));
        Files.move(article, project.resolve("content/bai-viet.md~"), StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(PAUSE_MILLIS); // no bai-viet.md at all for a moment
        Files.move(temporary, article, StandardCopyOption.ATOMIC_MOVE);
        watch.until("Bản thứ ba.");
        watch.assertClean();
    }

    @Test
    void aFileLeftBrokenStillShowsItsError() throws Exception {
        String token = token(page());
        try (TestHttp.SseClient tab = new TestHttp.SseClient(session.server().port(), pathOf(), token)) {
            assertThat(tab.next(WAIT).name()).isEqualTo("ok");
            Files.writeString(article, "---\ntitle: \"Không đóng\"\ndate: 2024-05-01\n\nQuên dấu đóng.\n");
            TestHttp.Event problems = tab.next(Duration.ofSeconds(20));
            assertThat(problems).isNotNull();
            assertThat(problems.name()).isEqualTo("problems");
            assertThat(problems.data()).contains("content/bai-viet.md:1: error");
            assertThat(page()).as("the last good build is still served").contains("Bản đầu tiên.");
        }
    }

    /** Polls the page and the overlay's problem list until the page shows {@code expected}. */
    private Watch watch() {
        return new Watch();
    }

    private final class Watch {
        private final List<String> seen = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread overlay;

        Watch() {
            overlay = new Thread(() -> {
                while (running.get()) {
                    List<String> problems = session.server().liveReload().problems();
                    if (!problems.isEmpty()) {
                        seen.add("overlay: " + problems);
                    }
                    sleepQuietly();
                }
            }, "overlay-watch");
            overlay.start();
        }

        void until(String expected) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            try {
                while (System.nanoTime() < deadline) {
                    var response = TestHttp.get(session.url(), pathOf());
                    if (response.statusCode() != 200) {
                        seen.add("HTTP " + response.statusCode());
                    } else if (response.body().contains(expected)) {
                        assertThat(session.controller().awaitIdle(WAIT)).isTrue();
                        return;
                    }
                    Thread.sleep(5);
                }
                throw new AssertionError("the page never showed " + expected + "; console:\n" + console);
            } finally {
                running.set(false);
                overlay.join();
            }
        }

        void assertClean() {
            assertThat(new ArrayList<>(seen)).as("errors or missing pages seen during the save; console:\n" + console)
                    .isEmpty();
            assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("build failed");
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String page() throws Exception {
        return TestHttp.get(session.url(), pathOf()).body();
    }

    private static String pathOf() {
        return "/2024/05/bai-viet/";
    }

    private static String text(String body) {
        return "---\ntitle: \"Bài viết\"\nslug: bai-viet\ndate: 2024-05-01\n---\n\n" + body + "\n";
    }

    private static String token(String page) {
        Matcher matcher = TOKEN.matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
