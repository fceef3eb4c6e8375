package io.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.InlineSite;
import java.nio.file.Path;
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
        StringBuilder body = new StringBuilder("Sáng nay, nhà trường tổ chức lễ tổng kết năm học với sự có mặt của"
                + " phụ huynh và học sinh các khối lớp.\n\n");
        for (int i = 0; i < 30; i++) {
            body.append("Đoạn ").append(i).append(": các lớp báo cáo kết quả học tập, rèn luyện và hoạt động ngoại"
                    + " khóa trong học kỳ vừa qua, kèm ý kiến của giáo viên chủ nhiệm.\n\n");
        }
        body.append("Cuối buổi, Hội đồng Thi đua, Khen thưởng của trường trao giấy khen cho các tập thể xuất sắc.\n");
        Path project = InlineSite.in(temp)
                .file("site.yml", "title: \"Bản tin\"\ntimeZone: Asia/Ho_Chi_Minh\n")
                .file("content/tong-ket.md", article("Tổng kết năm học", "tong-ket", 2015, body.toString()))
                .file("content/khac.md", article("Phong trào thi đua", "khac", 2014,
                        "Phong trào thi đua và khen thưởng năm 2014."))
                .project();
        try (StaticHost host = StaticHost.serve(project, temp)) {
            String log = BrowserSupport.node(90, "passages.browser.mjs", host.base());
            assertThat(log).contains("all passed").doesNotContain("FAIL");
        }
    }

    private static String article(String title, String slug, int year, String body) {
        return "---\ntitle: \"" + title + "\"\nslug: " + slug + "\ndate: " + year + "-05-20\n---\n\n" + body;
    }
}
