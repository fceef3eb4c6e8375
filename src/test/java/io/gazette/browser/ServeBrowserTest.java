package io.gazette.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.TestSites;
import io.gazette.cli.ServeCommand;
import io.gazette.serve.PreviewOptions;
import io.gazette.serve.PreviewSession;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gazette serve} with the real pipeline, seen from a browser tab: saving the Markdown
 * shows the new text without a manual reload; broken front matter shows the overlay while the
 * last good page stays; fixing it clears the overlay.
 */
class ServeBrowserTest {
    @TempDir
    Path temp;

    @BeforeEach
    void useRepositoryThemes() {
        System.setProperty("gazette.home", TestSites.projectRoot().toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("gazette.home");
    }

    @Test
    void editorSeesEditsAndMistakesLive() throws Exception {
        BrowserSupport.requireBrowser();
        Path project = TestSites.copy("basic", temp.resolve("site"));
        Path article = project.resolve("content/2015/giao-duc.md");
        String original = Files.readString(article);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (PreviewSession session = PreviewSession.start(new PreviewOptions(project, "127.0.0.1", 0, false, false),
                ServeCommand::sitePipeline, new PrintStream(console, true, UTF_8))) {
            assertThat(session.controller().awaitIdle(java.time.Duration.ofSeconds(30))).isTrue();
            String url = session.url() + "2015/01/giao-duc-va-phat-trien/";
            Process node = new ProcessBuilder("node", BrowserSupport.JS.resolve("serve-edit.browser.mjs").toString(), url)
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), UTF_8));
                 Writer in = node.outputWriter(UTF_8)) {
                assertThat(out.readLine()).isEqualTo("loaded Giáo dục và phát triển");

                Files.writeString(article, original + "\nĐoạn văn mới thêm vào.\n");
                send(in, "edited");
                assertThat(out.readLine()).isEqualTo("sees-new-text reloaded=true");

                Files.writeString(article, original.replace("date: 2015-01-05T09:30:00+07:00", "date: 2015-13-45"));
                send(in, "broken");
                assertThat(out.readLine()).startsWith("overlay content/2015/giao-duc.md:3: error: cannot read `date: 2015-13-45`");

                Files.writeString(article, original + "\nĐã sửa xong.\n");
                send(in, "fixed");
                assertThat(out.readLine()).isEqualTo("cleared");
                assertThat(node.waitFor(20, TimeUnit.SECONDS)).isTrue();
                assertThat(node.exitValue()).isZero();
            } finally {
                node.destroyForcibly();
            }
        }
        assertThat(console.toString(UTF_8)).contains("rebuilt", "build failed", "content/2015/giao-duc.md:3");
    }

    private static void send(Writer in, String line) throws java.io.IOException {
        in.write(line + "\n");
        in.flush();
    }
}
