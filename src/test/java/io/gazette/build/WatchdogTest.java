package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WatchdogTest {
    @Test
    void namesTheFileStillWorkedOnPastItsAllowanceOnceAndNotAQuickOne() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Watchdog watchdog = new Watchdog(new PrintStream(console, true, StandardCharsets.UTF_8), 100);
        try (Watchdog.Handle quick = watchdog.watch(Path.of("content/2014/nhanh.md"), 0, "rendering")) {
            Thread.sleep(10);
        }
        try (Watchdog.Handle slow = watchdog.watch(Path.of("content/2014/cham.md"), 0, "rendering")) {
            Thread.sleep(600);
        }
        String shown = console.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("gazette: still rendering content/2014/cham.md after 0 s")
                .doesNotContain("nhanh.md");
        assertThat(shown.split("cham.md", -1)).hasSize(2);
    }
}
