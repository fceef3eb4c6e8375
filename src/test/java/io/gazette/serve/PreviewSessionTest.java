package io.gazette.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gazette.problems.Problem;

/** The whole loop on a real project directory: save a file, the open tab is told to reload. */
class PreviewSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern TOKEN = Pattern.compile("data-page=\"([^\"]*)\"");

    @TempDir
    Path project;

    /** Renders content/NAME.md to NAME/index.html; a file containing "BROKEN" is an error on line 1. */
    private final Rebuilder markdownish = (changes, tx) -> {
        tx.clear();
        List<Problem> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(project.resolve("content"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.md$", "");
                String text = Files.readString(file);
                if (text.contains("BROKEN")) {
                    problems.add(Problem.error(project.relativize(file), 1, "cannot read <" + name + ">", "fix it"));
                }
                tx.write(name + "/index.html", ("<html><body><p>" + text + "</p></body></html>").getBytes(UTF_8));
            }
        }
        return RebuildResult.of(problems);
    };

    @Test
    void editsReachTheOpenTabAndBrokenBuildsShowTheOverlay() throws Exception {
        Files.createDirectories(project.resolve("content"));
        Files.writeString(project.resolve("content/a.md"), "first version");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PreviewOptions options = new PreviewOptions(project, "127.0.0.1", 0, false, false);
        PreviewSession session = PreviewSession.start(options, (opts, url) -> new PreviewPipeline(markdownish),
                new PrintStream(console, true, UTF_8));
        try {
            assertThat(session.controller().awaitIdle(WAIT)).isTrue();
            assertThat(console.toString(UTF_8)).startsWith("Serving " + session.url() + " (Ctrl-C to stop)\n")
                    .contains("rebuilt 1 page in");
            String page = TestHttp.get(session.url(), "/a/").body();
            assertThat(page).contains("first version");
            assertThat(Files.isDirectory(project.resolve(PreviewSession.CACHE_DIR))).isTrue();

            try (TestHttp.SseClient tab = new TestHttp.SseClient(session.server().port(), "/a/", token(page))) {
                assertThat(tab.next(WAIT).name()).isEqualTo("ok");

                Files.writeString(project.resolve("content/a.md"), "second version");
                assertThat(tab.next(WAIT).name()).isEqualTo("reload");
                assertThat(TestHttp.get(session.url(), "/a/").body()).contains("second version");

                Files.writeString(project.resolve("content/a.md"), "BROKEN <script>alert(1)</script>");
                TestHttp.Event problems = tab.next(WAIT);
                assertThat(problems.name()).isEqualTo("problems");
                assertThat(problems.data()).contains("content/a.md:1: error: cannot read \\u003ca\\u003e");
                assertThat(TestHttp.get(session.url(), "/a/").body()).contains("second version");

                Files.writeString(project.resolve("content/a.md"), "third version");
                List<String> names = List.of(tab.next(WAIT).name(), tab.next(WAIT).name());
                assertThat(names).containsExactlyInAnyOrder("reload", "ok");
                assertThat(TestHttp.get(session.url(), "/a/").body()).contains("third version");
            }
        } finally {
            session.close();
            session.close(); // twice is fine: shutdown hook and finally may both call it
        }
        try (Stream<Path> left = Files.list(project.resolve(PreviewSession.CACHE_DIR))) {
            assertThat(left).isEmpty();
        }
    }

    private static String token(String page) {
        Matcher matcher = TOKEN.matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
