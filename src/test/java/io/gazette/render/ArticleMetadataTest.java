package io.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gazette.build.SiteBuild;
import io.gazette.build.TestSites;
import io.gazette.config.BuildOverrides;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** og:, twitter: and JSON-LD NewsArticle metadata of article pages, read back as browsers and crawlers do. */
class ArticleMetadataTest {
    private static final String NASTY_TITLE = "Tin </script><script>alert(1)</script> \"trích\" & \\ <!-- hết";

    @TempDir
    Path temp;

    private Document build(String siteYmlExtra) throws Exception {
        Path project = TestSites.copy("basic", temp.resolve("site"));
        if (!siteYmlExtra.isEmpty()) {
            Files.writeString(project.resolve("site.yml"), Files.readString(project.resolve("site.yml")) + siteYmlExtra);
        }
        Files.writeString(project.resolve("content/2015/nguy-hiem.md"), "---\ntitle: '" + NASTY_TITLE.replace("'", "''")
                + "'\nslug: nguy-hiem\ndate: 2015-05-01T08:00:00+07:00\nimage: /images/hoi-nghi.png\n---\nA\n");
        Path output = temp.resolve("public");
        SiteBuild.open(TestSites.options(project, new BuildOverrides("https://example.org/luu/", output, null, null)))
                .buildToDirectory();
        return Jsoup.parse(Files.readString(output.resolve("2015/05/nguy-hiem/index.html")));
    }

    @Test
    void aTitleCannotEndTheJsonLdScriptAndReadsBackIntact() throws Exception {
        Document page = build("");
        assertThat(page.select("script")).as("no script but the JSON-LD").hasSize(1);
        Element script = page.selectFirst("script[type=application/ld+json]");
        assertThat(script).isNotNull();
        String json = script.data();
        assertThat(json).doesNotContain("</").doesNotContain("<!--").contains("\\u003c/script\\u003e");
        // A real JSON parser (Node's) reads back exactly the title that was written.
        assertThat(parseWithNode(json, "o => [o['@type'], o.headline, o.image[0], o.publisher.name].join('|')"))
                .isEqualTo("NewsArticle|" + NASTY_TITLE + "|https://example.org/luu/images/hoi-nghi.png|Bản tin thử nghiệm");
    }

    @Test
    void openGraphAndTwitterCardsCarryTheLeadPhotoAsAnAbsoluteUrl() throws Exception {
        Document page = build("");
        assertThat(page.selectFirst("meta[property=og:image]").attr("content"))
                .isEqualTo("https://example.org/luu/images/hoi-nghi.png");
        assertThat(page.selectFirst("meta[name=twitter:image]").attr("content"))
                .isEqualTo("https://example.org/luu/images/hoi-nghi.png");
        assertThat(page.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(page.selectFirst("meta[property=og:title]").attr("content")).isEqualTo(NASTY_TITLE);
        assertThat(page.selectFirst("meta[property=og:url]").attr("content"))
                .isEqualTo("https://example.org/luu/2015/05/nguy-hiem/");
    }

    @Test
    void anArticleWithoutPhotoUsesTheSitesImageOrNone() throws Exception {
        Path output = temp.resolve("plain");
        SiteBuild.open(TestSites.options(TestSites.fresh("basic", temp), output)).buildToDirectory();
        Document none = Jsoup.parse(Files.readString(output.resolve("2014/08/hoi-nghi-thi-dua-khen-thuong-nam-2014/index.html")));
        assertThat(none.select("meta[property=og:image]")).isEmpty();
        assertThat(none.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
        assertThat(none.selectFirst("script[type=application/ld+json]").data()).doesNotContain("\"image\"");

        build("image: /images/hoi-nghi.png\n");
        Document other = Jsoup.parse(Files.readString(temp.resolve("public/2014/08/hoi-nghi-thi-dua-khen-thuong-nam-2014/index.html")));
        assertThat(other.selectFirst("meta[property=og:image]").attr("content"))
                .isEqualTo("https://example.org/luu/images/hoi-nghi.png");
        assertThat(other.selectFirst("script[type=application/ld+json]").data())
                .contains("\"image\": [\"https://example.org/luu/images/hoi-nghi.png\"]");
    }

    /** Runs {@code expression} (a function of the parsed object) over {@code json} in Node; skips without Node. */
    private static String parseWithNode(String json, String expression) throws Exception {
        Process node;
        try {
            node = new ProcessBuilder("node", "-e", "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>"
                    + "process.stdout.write((" + expression + ")(JSON.parse(s))))").start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "node is not installed");
            return null;
        }
        node.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        node.getOutputStream().close();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(err).isZero();
        return out;
    }
}
