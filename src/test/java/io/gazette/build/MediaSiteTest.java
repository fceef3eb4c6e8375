package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gazette.media.MediaFixtures;
import io.gazette.media.PdfFixtures;
import io.gazette.search.SearchHit;
import io.gazette.search.SearchIndexer;
import io.gazette.search.SearchService;
import io.gazette.media.PhotoJob;
import io.gazette.problems.BuildFailedException;
import io.gazette.problems.Problem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Article bundles end to end: photos and documents beside index.md, built into the article's folder. */
public class MediaSiteTest {
    public static final String PAGE = "2014/08/hoi-nghi-co-anh/";

    @TempDir
    Path temp;

    /** A project with one bundle: a lead photo, a body photo, a linked PDF and a DOCX lying beside. */
    public static Path bundleSite(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("site.yml"), """
                title: "Bản tin"
                baseUrl: "https://example.org/archive/"
                language: vi
                """);
        Path bundle = dir.resolve("content/2014/hoi-nghi-co-anh");
        Files.createDirectories(bundle);
        Files.writeString(bundle.resolve("index.md"), """
                ---
                title: "Hội nghị có ảnh"
                date: 2014-08-18
                image: toan-canh.jpg
                caption: "Toàn cảnh hội nghị"
                ---

                Nội dung hội nghị.

                ![Thứ trưởng phát biểu](Ảnh/phat%20bieu.JPG "Thứ trưởng phát biểu")

                Xem [Quyết định số 12](qd-12.pdf) và ảnh nhỏ ![logo](logo.png) trong dòng.
                """);
        MediaFixtures.write(bundle.resolve("toan-canh.jpg"),
                MediaFixtures.jpegWithExif(MediaFixtures.halves(2400, 1600), 1, "Quynh Anh", null));
        MediaFixtures.write(bundle.resolve("Ảnh/phat bieu.JPG"),
                MediaFixtures.jpegWithExif(MediaFixtures.halves(1200, 900), 6, null, null));
        MediaFixtures.write(bundle.resolve("logo.png"), MediaFixtures.png(MediaFixtures.halves(300, 100)));
        PdfFixtures.withText(bundle.resolve("qd-12.pdf"),
                "Quyet dinh so 12 ve viec tang Bang khen cua Bo truong cho Cong ty Thuy dien Hoa Binh",
                "da co thanh tich xuat sac trong phong trao thi dua yeu nuoc nam 2014.",
                "Cong ty Thuy dien Hoa Binh co trach nhiem thi hanh quyet dinh nay ke tu ngay ky.");
        MediaFixtures.write(bundle.resolve("Kế hoạch 2014.docx"), docx());
        return dir;
    }

    /** A small real .docx-shaped file: a ZIP package. */
    static byte[] docx() throws java.io.IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            var entry = new java.util.zip.ZipEntry("[Content_Types].xml");
            // A fixed time: the entry's time is in its bytes, and the test makes the file twice.
            entry.setTime(1_408_320_000_000L);
            zip.putNextEntry(entry);
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void aBundlePublishesResizedPhotosAndItsDocuments() throws Exception {
        Path project = bundleSite(temp.resolve("site"));
        Path output = temp.resolve("public");
        SiteBuild.open(TestSites.options(project, output)).buildToDirectory();
        try (var cached = Files.walk(project.resolve(".gazette/cache/media"))) {
            var list = cached.filter(Files::isRegularFile).toList();
            assertThat(list.stream().filter(f -> !f.toString().endsWith(".txt")).count())
                    .as("3 + 2 + 1 copies cached").isEqualTo(6);
        }

        Path folder = output.resolve(PAGE);
        assertThat(folder.resolve("toan-canh-480.jpg")).exists();
        assertThat(folder.resolve("toan-canh-960.jpg")).exists();
        assertThat(folder.resolve("toan-canh-1600.jpg")).exists();
        assertThat(folder.resolve("toan-canh.jpg")).as("the original, with its metadata, is not published").doesNotExist();
        BufferedImage wide = ImageIO.read(folder.resolve("toan-canh-1600.jpg").toFile());
        assertThat(wide.getWidth()).isEqualTo(1600);
        // Stored 1200×900 turned a quarter: 900 wide, so 480 and 900 (never upscaled).
        assertThat(folder.resolve("anh/phat-bieu-480.jpg")).exists();
        assertThat(ImageIO.read(folder.resolve("anh/phat-bieu-900.jpg").toFile()).getHeight()).isEqualTo(1200);
        assertThat(folder.resolve("logo-300.png")).exists();
        assertThat(folder.resolve("qd-12.pdf")).exists();
        assertThat(folder.resolve("ke-hoach-2014.docx")).hasBinaryContent(docx());

        Document page = Jsoup.parse(Files.readString(folder.resolve("index.html")));
        Element lead = page.selectFirst(".lead-image img");
        assertThat(lead.attr("src")).isEqualTo("/archive/" + PAGE + "toan-canh-960.jpg");
        assertThat(lead.attr("srcset")).isEqualTo("/archive/" + PAGE + "toan-canh-480.jpg 480w, /archive/" + PAGE
                + "toan-canh-960.jpg 960w, /archive/" + PAGE + "toan-canh-1600.jpg 1600w");
        assertThat(lead.attr("width")).isEqualTo("1600");
        assertThat(lead.attr("height")).isEqualTo("1067");
        assertThat(lead.hasAttr("loading")).as("the lead photo is not lazy").isFalse();

        Element body = page.selectFirst(".article-body figure img");
        assertThat(body.attr("src")).isEqualTo("anh/phat-bieu-900.jpg");
        assertThat(body.attr("srcset")).isEqualTo("anh/phat-bieu-480.jpg 480w, anh/phat-bieu-900.jpg 900w");
        assertThat(body.attr("width")).isEqualTo("900");
        assertThat(body.attr("height")).isEqualTo("1200");
        assertThat(body.attr("loading")).isEqualTo("lazy");
        assertThat(page.selectFirst(".article-body p img").attr("src")).isEqualTo("logo-300.png");
        assertThat(page.selectFirst(".article-body a[href=qd-12.pdf]").text()).isEqualTo("Quyết định số 12");

        var items = page.select(".attachments li");
        assertThat(items).hasSize(2);
        assertThat(page.selectFirst(".attachments h2").text()).isEqualTo("Tài liệu đính kèm");
        assertThat(items.get(0).text()).isEqualTo("Quyết định số 12 PDF, " + Files.size(folder.resolve("qd-12.pdf")) + " B");
        assertThat(items.get(0).selectFirst("a").attr("href")).isEqualTo("/archive/" + PAGE + "qd-12.pdf");
        assertThat(items.get(1).text()).isEqualTo("Kế hoạch 2014.docx DOCX, " + docx().length + " B");

        String feed = Files.readString(output.resolve("feed.xml"));
        assertThat(feed).contains("src=\"https://example.org/archive/" + PAGE + "anh/phat-bieu-900.jpg\"")
                .contains("https://example.org/archive/" + PAGE + "anh/phat-bieu-480.jpg 480w")
                .contains("href=\"https://example.org/archive/" + PAGE + "qd-12.pdf\"");
    }

    @Test
    void aRebuildResizesOnlyNewOrChangedPhotosAndGivesTheSameBytes() throws Exception {
        Path project = bundleSite(temp.resolve("site"));
        Path first = temp.resolve("one");
        SiteBuild.open(TestSites.options(project, first)).buildToDirectory();
        long before = PhotoJob.resizedSoFar();
        Path second = temp.resolve("two");
        SiteBuild.open(TestSites.options(project, second)).buildToDirectory();
        assertThat(PhotoJob.resizedSoFar()).as("all from the cache").isEqualTo(before);
        Map<String, byte[]> a = TestSites.tree(first);
        Map<String, byte[]> b = TestSites.tree(second);
        assertThat(a.keySet()).isEqualTo(b.keySet());
        a.forEach((file, bytes) -> assertThat(Arrays.equals(bytes, b.get(file))).as(file).isTrue());

        // A cold cache gives the same bytes as a warm one.
        TreeDeletionHelper.delete(project.resolve(".gazette"));
        Path third = temp.resolve("three");
        SiteBuild.open(TestSites.options(project, third)).buildToDirectory();
        TestSites.tree(third).forEach((file, bytes) -> assertThat(Arrays.equals(bytes, a.get(file))).as(file).isTrue());

        // One photo replaced: only it is resized again.
        MediaFixtures.write(project.resolve("content/2014/hoi-nghi-co-anh/logo.png"),
                MediaFixtures.png(MediaFixtures.halves(320, 100)));
        before = PhotoJob.resizedSoFar();
        SiteBuild.open(TestSites.options(project, temp.resolve("four"))).buildToDirectory();
        assertThat(PhotoJob.resizedSoFar() - before).isEqualTo(1);
        assertThat(temp.resolve("four").resolve(PAGE + "logo-320.png")).exists();
    }

    @Test
    void missingTruncatedOrEscapingFilesAreErrorsWithTheirLine() throws Exception {
        Path project = bundleSite(temp.resolve("site"));
        Path output = temp.resolve("public");
        SiteBuild.open(TestSites.options(project, output)).buildToDirectory();
        Files.writeString(output.resolve("old.html"), "previous build");
        Path article = project.resolve("content/2014/hoi-nghi-co-anh/index.md");
        Files.writeString(article, Files.readString(article) + """

                ![Ảnh mất](khong-co.jpg)

                ![Ảnh hỏng](hong.jpg)

                [Bí mật](../../../site.yml.pdf)
                """);
        byte[] whole = MediaFixtures.jpeg(MediaFixtures.halves(800, 600));
        MediaFixtures.write(article.resolveSibling("hong.jpg"), Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> SiteBuild.open(TestSites.options(project, output)).buildToDirectory())
                .isInstanceOfSatisfying(BuildFailedException.class, e -> {
                    var formatted = e.problems().stream().map(Problem::format).toList();
                    String shown = "content/2014/hoi-nghi-co-anh/index.md";
                    assertThat(formatted).as("each problem once").doesNotHaveDuplicates().hasSize(3);
                    assertThat(formatted).anySatisfy(p -> assertThat(p).startsWith(shown + ":14: error:")
                            .contains("khong-co.jpg").contains("was not found"));
                    assertThat(formatted).anySatisfy(p -> assertThat(p).startsWith(shown + ":16: error:")
                            .contains("hong.jpg").contains("truncated"));
                    assertThat(formatted).anySatisfy(p -> assertThat(p).startsWith(shown + ":18: error:")
                            .contains("outside the article's folder"));
                });
        assertThat(output.resolve("old.html")).hasContent("previous build");
    }

    @Test
    void embedsAreDrawnByTheThemeAndLoadNothingFromOtherHosts() throws Exception {
        Path project = bundleSite(temp.resolve("site"));
        Path article = project.resolve("content/2014/hoi-nghi-co-anh/index.md");
        Files.writeString(article, Files.readString(article) + """

                {{< youtube id="dQw4w9WgXcQ" title="Phóng sự hội nghị" start="90" >}}

                {{< video src="clip.mp4" poster="toan-canh.jpg" caption="Toàn cảnh" >}}

                {{< pdf src="qd-12.pdf" title="Quyết định số 12" >}}

                {{< gallery src="toan-canh.jpg logo.png" caption="Ảnh hội nghị" >}}

                ```
                {{< youtube id="not-an-embed-inside-code" >}}
                ```
                """);
        MediaFixtures.write(article.resolveSibling("clip.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
        Path output = temp.resolve("public");
        SiteBuild.open(TestSites.options(project, output)).buildToDirectory();
        Path folder = output.resolve(PAGE);
        Document page = Jsoup.parse(Files.readString(folder.resolve("index.html")));

        Element youtube = page.selectFirst(".embed-youtube a");
        assertThat(youtube.attr("data-youtube-id")).isEqualTo("dQw4w9WgXcQ");
        assertThat(youtube.attr("href")).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s");
        assertThat(youtube.text()).contains("Phóng sự hội nghị");
        assertThat(page.select("iframe[src*=youtube]")).as("no player until a click").isEmpty();
        for (Element loads : page.select("[src], link[rel=stylesheet], object[data], video[poster]")) {
            String url = loads.hasAttr("src") ? loads.attr("src") : loads.hasAttr("data") ? loads.attr("data")
                    : loads.hasAttr("poster") ? loads.attr("poster") : loads.attr("href");
            assertThat(url).as(loads.toString()).doesNotStartWith("http").doesNotStartWith("//");
        }
        assertThat(page.selectFirst("script[src$=js/embeds.js]")).isNotNull();
        assertThat(page.selectFirst("link[href$=css/media.css]")).isNotNull();

        Element video = page.selectFirst(".embed-video video");
        assertThat(video.selectFirst("source").attr("src")).isEqualTo("clip.mp4");
        assertThat(video.attr("poster")).isEqualTo("toan-canh-960.jpg");
        assertThat(folder.resolve("clip.mp4")).exists();
        assertThat(page.selectFirst(".embed-pdf iframe").attr("src")).isEqualTo("qd-12.pdf");
        assertThat(page.select(".embed-gallery img")).extracting(e -> e.attr("src"))
                .containsExactly("toan-canh-960.jpg", "logo-300.png");
        assertThat(page.select(".article-body pre code").text()).contains("{{< youtube id=\"not-an-embed-inside-code\" >}}");
        assertThat(Files.readString(output.resolve("js/embeds.js"))).contains("youtube-nocookie.com");
    }

    @Test
    void unknownOrBadEmbedsAreErrorsWithTheirLine() throws Exception {
        Path project = bundleSite(temp.resolve("site"));
        Path article = project.resolve("content/2014/hoi-nghi-co-anh/index.md");
        Files.writeString(article, Files.readString(article) + """

                {{< vimeo id="123" >}}

                {{< youtube id="https://youtu.be/x" >}}

                {{< gallery src="khong-co.jpg" >}}
                """);
        assertThatThrownBy(() -> SiteBuild.open(TestSites.options(project, temp.resolve("public"))).buildToDirectory())
                .isInstanceOfSatisfying(BuildFailedException.class, e -> {
                    var formatted = e.problems().stream().map(Problem::format).toList();
                    String shown = "content/2014/hoi-nghi-co-anh/index.md";
                    assertThat(formatted).anySatisfy(p -> assertThat(p)
                            .startsWith(shown + ":14: error: unknown embed `vimeo`").contains("gallery, pdf, video, youtube"));
                    assertThat(formatted).anySatisfy(p -> assertThat(p).startsWith(shown + ":16: error: youtube embed"));
                    assertThat(formatted).anySatisfy(p -> assertThat(p).startsWith(shown + ":18: error:")
                            .contains("khong-co.jpg"));
                });
    }

    @Test
    void theTextOfAttachedPdfsIsSearchableAndAScanIsAWarning() throws Exception {
        Path project = bundleSite(temp.resolve("site"));
        PdfFixtures.scan(project.resolve("content/2014/hoi-nghi-co-anh/ban-chup.pdf"));
        BuildResult result = SiteBuild.open(TestSites.options(project, temp.resolve("public"))).buildToDirectory();
        assertThat(result.problems().sorted()).extracting(Problem::format).singleElement().asString()
                .startsWith("content/2014/hoi-nghi-co-anh/index.md: warning: `ban-chup.pdf`: the PDF has no usable text");

        try (SearchService search = SearchService.open(project.resolve(".gazette/cache").resolve(SearchIndexer.DIR_NAME))) {
            var hits = search.search("thủy điện hòa bình", 5);
            assertThat(hits).extracting(SearchHit::url).containsExactly(PAGE);
        }
        String staticIndex;
        try (var files = Files.walk(temp.resolve("public/search"))) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            }
            staticIndex = all.toString();
        }
        assertThat(staticIndex).as("the static index knows the PDF's words").containsIgnoringCase("hoa");
    }

    @Test
    void gazetteCheckFindsNothingWrongWithABundleWithEmbeds() throws Exception {
        Path project = bundleSite(temp.resolve("site"));
        Path article = project.resolve("content/2014/hoi-nghi-co-anh/index.md");
        Files.writeString(article, Files.readString(article) + """

                {{< youtube id="dQw4w9WgXcQ" >}}

                {{< gallery >}}

                {{< pdf src="qd-12.pdf" title="Quyết định số 12" >}}
                """);
        Path output = temp.resolve("public");
        SiteBuild.open(TestSites.options(project, output)).buildToDirectory();
        var result = new io.gazette.check.SiteChecker(io.gazette.check.CheckOptions.defaults())
                .check(output, io.gazette.check.BaseUrl.parse("https://example.org/archive/"));
        assertThat(result.problems()).extracting(Problem::format).isEmpty();
    }

    /** Deletes a folder tree (the cache) between builds. */
    static final class TreeDeletionHelper {
        static void delete(Path root) throws Exception {
            try (var walk = Files.walk(root)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
