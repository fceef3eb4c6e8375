package io.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.BuildProgress;
import io.gazette.build.SiteBuild;
import io.gazette.build.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalProgressTest {
    @TempDir
    Path temp;

    @Test
    void onlyOnATerminalOutsideCiAndNotWhenQuiet() {
        assertThat(TerminalProgress.wanted(false, true, Map.of())).isTrue();
        assertThat(TerminalProgress.wanted(false, false, Map.of())).isFalse();
        assertThat(TerminalProgress.wanted(true, true, Map.of())).isFalse();
        assertThat(TerminalProgress.wanted(false, true, Map.of("CI", "true"))).isFalse();
        assertThat(TerminalProgress.wanted(false, true, Map.of("GITHUB_ACTIONS", "true"))).isFalse();
    }

    @Test
    void rewritesOneLineAndClearsItAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.stage("writing files");
        progress.files(10, 10);
        progress.close();
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).startsWith("\rgazette: writing files…").contains("\rgazette: writing files 10/10").endsWith("\r")
                .doesNotContain("\n");
    }

    @Test
    void aBuildReportsItsStagesAndFiles() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        SiteBuild build = SiteBuild.open(TestSites.options(TestSites.fresh("basic", temp), temp.resolve("out")));
        build.progress(new BuildProgress() {
            @Override
            public void stage(String name) {
                events.add(name);
            }

            @Override
            public void files(int done, int total) {
                if (done == total) {
                    events.add("files " + total);
                }
            }
        });
        build.buildToDirectory();
        assertThat(events).contains("reading content", "writing files", "search index");
        assertThat(events).anyMatch(e -> e.startsWith("files "));
    }
}
