package io.gazette.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.TestSites;
import io.gazette.cli.ServeCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gazette serve} with the real pipeline: an article scheduled a few seconds ahead appears
 * in the preview by itself when its time comes, and one expiring leaves, with no file saved.
 */
class ScheduledPreviewTest {
    @TempDir
    Path project;

    @Test
    void aScheduledArticleAppearsAndAnExpiringOneLeavesWithoutAnEdit() throws Exception {
        System.setProperty("gazette.home", TestSites.projectRoot().toString());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS);
        String due = now.plusSeconds(3).toString();
        Files.createDirectories(project.resolve("content"));
        Files.writeString(project.resolve("site.yml"), "title: \"Bản tin\"\n");
        Files.writeString(project.resolve("content/hen-gio.md"),
                "---\ntitle: \"Hẹn giờ\"\nslug: hen-gio\ndate: " + due + "\n---\n\nSắp đăng.\n");
        Files.writeString(project.resolve("content/het-han.md"), "---\ntitle: \"Hết hạn\"\nslug: het-han\ndate: "
                + now.minusDays(1) + "\nexpiryDate: " + due + "\n---\n\nSắp gỡ.\n");
        String scheduled = "/" + now.plusSeconds(3).getYear() + "/" + String.format("%02d", now.plusSeconds(3).getMonthValue())
                + "/hen-gio/";
        String expiring = "/" + now.minusDays(1).getYear() + "/" + String.format("%02d", now.minusDays(1).getMonthValue())
                + "/het-han/";
        PreviewOptions options = new PreviewOptions(project, "127.0.0.1", 0, false, false, Clock.systemUTC());
        PreviewSession session = PreviewSession.start(options, ServeCommand::sitePipeline,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertThat(session.controller().awaitIdle(Duration.ofSeconds(60))).isTrue();
            assertThat(TestHttp.get(session.url(), scheduled).statusCode()).isEqualTo(404);
            assertThat(TestHttp.get(session.url(), expiring).statusCode()).isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (TestHttp.get(session.url(), scheduled).statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(TestHttp.get(session.url(), scheduled).statusCode()).as("scheduled article, due " + due).isEqualTo(200);
            assertThat(OffsetDateTime.now()).isAfterOrEqualTo(OffsetDateTime.parse(due));
            assertThat(session.controller().awaitIdle(Duration.ofSeconds(60))).isTrue();
            assertThat(TestHttp.get(session.url(), expiring).statusCode()).isEqualTo(404);
            assertThat(TestHttp.get(session.url(), "/").body()).contains("Hẹn giờ").doesNotContain("Hết hạn");
        } finally {
            session.close();
            System.clearProperty("gazette.home");
        }
    }
}
