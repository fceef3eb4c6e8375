package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gazette.config.BuildOverrides;
import io.gazette.problems.BuildFailedException;
import io.gazette.problems.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuildTest {
    @TempDir
    Path temp;

    @Test
    void buildingTwiceGivesByteIdenticalOutput() throws Exception {
        Path first = temp.resolve("one");
        Path second = temp.resolve("two");
        SiteBuild.open(TestSites.options(TestSites.fresh("basic", temp), first)).buildToDirectory();
        SiteBuild.open(TestSites.options(TestSites.fresh("basic", temp), second)).buildToDirectory();
        Map<String, byte[]> a = TestSites.tree(first);
        Map<String, byte[]> b = TestSites.tree(second);
        assertThat(a.keySet()).isEqualTo(b.keySet());
        a.forEach((file, bytes) -> assertThat(Arrays.equals(bytes, b.get(file))).as(file).isTrue());
    }

    @Test
    void everyInternalLinkCarriesTheSubpath() throws Exception {
        Path output = temp.resolve("public");
        BuildOverrides overrides = new BuildOverrides("https://example.org/archive/", output, null, null);
        SiteBuild.open(TestSites.options(TestSites.fresh("basic", temp), overrides)).buildToDirectory();
        int checked = 0;
        for (Map.Entry<String, byte[]> file : TestSites.tree(output).entrySet()) {
            if (!file.getKey().endsWith(".html")) {
                continue;
            }
            Document page = Jsoup.parse(new String(file.getValue(), StandardCharsets.UTF_8));
            for (Element element : page.select("[href], [src], form[action]")) {
                for (String attribute : List.of("href", "src", "action")) {
                    String value = element.attr(attribute);
                    if (value.startsWith("/")) {
                        assertThat(value).as(file.getKey() + " " + element).startsWith("/archive/");
                        checked++;
                    } else if (value.startsWith("http") && value.contains("example.org")) {
                        assertThat(value).as(file.getKey()).startsWith("https://example.org/archive/");
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
        String feed = Files.readString(output.resolve("feed.xml"));
        assertThat(feed).contains("https://example.org/archive/2014/08/").doesNotContain("\"https://example.org/2014");
    }

    @Test
    void charactersXmlForbidsNeverMakeAnInvalidFeedOrSitemap() throws Exception {
        Path project = TestSites.copy("basic", temp.resolve("site"));
        char nonCharacter = (char) 0xFFFF;
        char backspace = (char) 8;
        // The title reaches the feed through a YAML escape, the body as the raw character.
        String article = "---\ntitle: \"Tiêu đề \\uFFFF có ký tự cấm\"\ndate: 2014-08-20\n---\n\n"
                + "Nội dung " + nonCharacter + " có ký tự cấm " + backspace + " trong bài.\n";
        Files.writeString(project.resolve("content/2014/khong-hop-le.md"), article, StandardCharsets.UTF_8);
        Path output = temp.resolve("public");

        SiteBuild.open(TestSites.options(project, output)).buildToDirectory();

        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        int parsed = 0;
        for (Map.Entry<String, byte[]> file : TestSites.tree(output).entrySet()) {
            if (file.getKey().endsWith(".xml")) {
                factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(file.getValue()));
                parsed++;
            }
        }
        assertThat(parsed).isGreaterThan(2);
        String feed = Files.readString(output.resolve("feed.xml"));
        assertThat(feed).contains("Tiêu đề \uFFFD có ký tự cấm").contains("Nội dung \uFFFD có ký tự cấm \uFFFD trong bài")
                .doesNotContain(String.valueOf(nonCharacter));
    }

    @Test
    void draftsAndFutureArticlesAreLeftOutUnlessAsked() throws Exception {
        Path output = temp.resolve("public");
        SiteBuild.open(TestSites.options(TestSites.fresh("basic", temp), output)).buildToDirectory();
        assertThat(output.resolve("2015/03/ban-nhap-chua-dang")).doesNotExist();
        assertThat(output.resolve("2026/12/bai-dang-trong-tuong-lai")).doesNotExist();

        Path all = temp.resolve("all");
        BuildOverrides both = new BuildOverrides(null, all, true, true);
        SiteBuild.open(TestSites.options(TestSites.fresh("basic", temp), both)).buildToDirectory();
        assertThat(all.resolve("2015/03/ban-nhap-chua-dang/index.html")).exists();
        assertThat(all.resolve("2026/12/bai-dang-trong-tuong-lai/index.html")).exists();
    }

    @Test
    void articlePageShowsWhatReadersExpect() throws Exception {
        Path output = temp.resolve("public");
        SiteBuild.open(TestSites.options(TestSites.fresh("basic", temp), output)).buildToDirectory();
        Document page = Jsoup.parse(output.resolve("2014/08/hoi-nghi-thi-dua-khen-thuong-nam-2014/index.html").toFile());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Hội nghị thi đua, khen thưởng năm 2014");
        assertThat(page.selectFirst(".article-header time").text()).isEqualTo("Thứ Hai, 18/08/2014");
        assertThat(page.selectFirst(".author").text()).isEqualTo("Quỳnh Anh");
        assertThat(page.select(".article-footer .tags a").eachText()).containsExactly("Thi đua khen thưởng", "Hội nghị");
        assertThat(page.selectFirst("a[rel=next]").attr("href")).isEqualTo("/2015/01/giao-duc-va-phat-trien/");
        // Tag spelled "thi đua khen thưởng" in one file and "Thi đua khen thưởng" in another: one tag.
        assertThat(output.resolve("tu-khoa/thi-dua-khen-thuong/index.html")).exists();
        Document tag = Jsoup.parse(output.resolve("tu-khoa/thi-dua-khen-thuong/index.html").toFile());
        assertThat(tag.select(".card")).hasSize(1);
        assertThat(tag.selectFirst(".pager a[rel=next]").attr("href")).isEqualTo("/tu-khoa/thi-dua-khen-thuong/trang/1/");
    }

    @Test
    void escapesFrontMatterInTemplates() throws Exception {
        Path project = TestSites.copy("basic", temp.resolve("site"));
        Files.writeString(project.resolve("content/2015/xss.md"),
                "---\ntitle: \"<script>alert(1)</script> Tin\"\ndate: 2015-05-01\ntags: [\"<b>x</b>\"]\n---\nA\n");
        Path output = temp.resolve("public");
        SiteBuild.open(TestSites.options(project, output)).buildToDirectory();
        String html = Files.readString(output.resolve("2015/05/script-alert-1-script-tin/index.html"));
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt; Tin")
                .doesNotContain("<b>x</b>");
    }

    @Test
    void failedBuildReportsEveryProblemAndLeavesPreviousOutputUntouched() throws Exception {
        Path output = temp.resolve("out/public");
        SiteBuild.open(TestSites.options(TestSites.fresh("basic", temp), output)).buildToDirectory();
        Map<String, byte[]> before = TestSites.tree(output);

        assertThatThrownBy(() -> SiteBuild.open(TestSites.options(TestSites.fresh("invalid", temp), output)).buildToDirectory())
                .isInstanceOfSatisfying(BuildFailedException.class, e -> {
                    List<String> files = e.problems().stream().filter(Problem::isError)
                            .map(p -> p.file().getFileName().toString()).distinct().toList();
                    assertThat(files).containsExactly("a-missing-title.md", "b-broken-yaml.md", "c-global-tag.md",
                            "d-escaping-alias.md", "e-duplicate-url.md", "f-duplicate-url.md", "g-not-utf8.md",
                            "h-no-front-matter.md", "i-typos-empty-tag.md", "j-escaping-slug.md", "k-alias-bomb.md",
                            "l-bad-date.md");
                });
        Map<String, byte[]> after = TestSites.tree(output);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((file, bytes) -> assertThat(after.get(file)).as(file).isEqualTo(bytes));
        try (var siblings = Files.list(output.getParent())) {
            // The lock file stays: deleting it would let two builds each lock a file of that name.
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("public", ".public.lock");
        }
    }

    @Test
    void templateErrorsNameTheTemplateAndLine() {
        assertThatThrownBy(() -> SiteBuild.open(TestSites.options(TestSites.fresh("bad-template", temp), temp.resolve("out"))))
                .isInstanceOfSatisfying(BuildFailedException.class, e -> assertThat(e.problems())
                        .extracting(Problem::format)
                        .anySatisfy(line -> assertThat(line).startsWith("themes/broken/templates/article.peb:6: error:")));
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    void slugCollidingWithAGeneratedPageIsAnError() throws Exception {
        Path project = TestSites.copy("basic", temp.resolve("site"));
        Files.writeString(project.resolve("site.yml"), Files.readString(project.resolve("site.yml"))
                .replace("/:year/:month/:slug/", "/:slug/"));
        Files.writeString(project.resolve("content/2015/clash.md"),
                "---\ntitle: Clash\ndate: 2015-05-01\nslug: tim-kiem\n---\nA\n");
        assertThatThrownBy(() -> SiteBuild.open(TestSites.options(project, temp.resolve("out"))).buildToDirectory())
                .isInstanceOfSatisfying(BuildFailedException.class, e -> assertThat(e.problems())
                        .extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("tim-kiem/index.html")));
    }

    @Test
    void refusesToReplaceAFolderThatIsNotASite() throws Exception {
        Path precious = Files.createDirectories(temp.resolve("documents"));
        Files.writeString(precious.resolve("thesis.txt"), "do not delete");
        assertThatThrownBy(() -> SiteBuild.open(TestSites.options(TestSites.fresh("basic", temp), precious)).buildToDirectory())
                .hasMessageContaining("does not look like a built site");
        assertThat(precious.resolve("thesis.txt")).hasContent("do not delete");
    }
}
