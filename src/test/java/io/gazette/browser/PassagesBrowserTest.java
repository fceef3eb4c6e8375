package io.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.SiteBuild;
import io.gazette.build.TestSites;
import io.gazette.config.BuildOverrides;
import io.gazette.serve.PreviewServer;
import io.gazette.serve.PreviewSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search results show the passage that matches, in headless Chromium, on a site written here:
 * an article whose lead lacks the query words, which come only far into its body, among others.
 * The preview server (which honours Range) serves the built folder as a static host would.
 * src/test/js/passages.browser.mjs does the searching, and also checks the lead is kept when the
 * server ignores Range or the browser cannot inflate.
 */
class PassagesBrowserTest {
    @TempDir
    Path temp;

    @Test
    void aResultShowsThePassageWithEveryQueryWord() throws Exception {
        BrowserSupport.requireBrowser();
        Path project = temp.resolve("site");
        Files.createDirectories(project.resolve("content"));
        Files.writeString(project.resolve("site.yml"), "title: \"Bản tin\"\ntimeZone: Asia/Ho_Chi_Minh\n");
        StringBuilder body = new StringBuilder("Sáng nay, nhà trường tổ chức lễ tổng kết năm học với sự có mặt của"
                + " phụ huynh và học sinh các khối lớp.\n\n");
        for (int i = 0; i < 30; i++) {
            body.append("Đoạn ").append(i).append(": các lớp báo cáo kết quả học tập, rèn luyện và hoạt động ngoại"
                    + " khóa trong học kỳ vừa qua, kèm ý kiến của giáo viên chủ nhiệm.\n\n");
        }
        body.append("Cuối buổi, Hội đồng Thi đua, Khen thưởng của trường trao giấy khen cho các tập thể xuất sắc.\n");
        write(project, "tong-ket", "Tổng kết năm học", 2015, body.toString());
        write(project, "khac", "Phong trào thi đua", 2014, "Phong trào thi đua và khen thưởng năm 2014.");
        try (PreviewSite site = PreviewSite.inMemory()) {
            PreviewServer server = PreviewServer.builder(site).port(0).build().start();
            try {
                String base = server.url() + "archive/";
                Path output = temp.resolve("public");
                SiteBuild.open(TestSites.options(project, new BuildOverrides(base, output, null, null)))
                        .buildToDirectory();
                Path mounted = temp.resolve("root");
                Files.createDirectories(mounted);
                Files.move(output, mounted.resolve("archive"));
                site.replaceWithDirectory(mounted);

                Process node = new ProcessBuilder("node",
                        BrowserSupport.JS.resolve("passages.browser.mjs").toString(), base)
                        .redirectErrorStream(true).start();
                String log = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(node.waitFor(90, TimeUnit.SECONDS)).isTrue();
                assertThat(node.exitValue()).as(log).isZero();
                assertThat(log).contains("all passed").doesNotContain("FAIL");
            } finally {
                server.close();
            }
        }
    }

    private static void write(Path project, String slug, String title, int year, String body) throws java.io.IOException {
        Files.writeString(project.resolve("content/" + slug + ".md"), "---\ntitle: \"" + title + "\"\nslug: " + slug
                + "\ndate: " + year + "-05-20\n---\n\n" + body);
    }
}
