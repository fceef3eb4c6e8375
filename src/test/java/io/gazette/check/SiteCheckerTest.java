package io.gazette.check;

import static io.gazette.problems.Severity.ERROR;
import static io.gazette.problems.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gazette.build.TestSites;
import io.gazette.problems.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteCheckerTest {
    private static final String EXAMPLE = "https://example.org/";

    private static CheckResult check(Path site, String baseUrl) throws IOException {
        return new SiteChecker(CheckOptions.defaults()).check(site, BaseUrl.parse(baseUrl));
    }

    private static CheckResult check(String fixture, String baseUrl) throws IOException {
        return check(Fixtures.site(fixture), baseUrl);
    }

    private static List<Problem> problems(String fixture) throws IOException {
        return check(fixture, EXAMPLE).problems();
    }

    @Test
    void cleanSitePassesWithNoProblemsAndLooksAtEverything() throws IOException {
        CheckResult result = check("clean", EXAMPLE);

        assertThat(result.problems()).isEmpty();
        assertThat(result.pages()).isEqualTo(6);
        assertThat(result.feeds()).isEqualTo(1);
        assertThat(result.sitemaps()).isEqualTo(1);
        assertThat(result.stylesheets()).isEqualTo(1);
        assertThat(result.links()).isGreaterThan(80);
    }

    @Test
    void brokenInternalLinkIsReportedAtItsLine() throws IOException {
        assertThat(problems("broken-link"))
                .extracting(p -> p.file().toString(), Problem::line, Problem::severity)
                .containsExactly(tuple("index.html", 11, ERROR));
        assertThat(problems("broken-link").get(0).message())
                .isEqualTo("link \"/2014/08/bai-khong-ton-tai/\" points to a missing file: 2014/08/bai-khong-ton-tai/index.html");
    }

    @Test
    void missingImageIsReported() throws IOException {
        assertThat(problems("missing-image"))
                .extracting(p -> p.file().toString(), Problem::line, Problem::severity, Problem::message)
                .containsExactly(tuple("index.html", 11, ERROR,
                        "image \"/images/2014/08/mat-anh.jpg\" points to a missing file: images/2014/08/mat-anh.jpg"));
    }

    @Test
    void missingSrcsetCandidateIsReportedOnTheSrcsetLine() throws IOException {
        assertThat(problems("broken-srcset"))
                .extracting(p -> p.file().toString(), Problem::line, Problem::severity, Problem::message)
                .containsExactly(tuple("index.html", 11, ERROR,
                        "srcset candidate \"images/anh-960.jpg\" points to a missing file: images/anh-960.jpg"));
    }

    @Test
    void malformedFeedIsReportedAtTheBrokenLine() throws IOException {
        List<Problem> problems = problems("malformed-feed");

        assertThat(problems).extracting(p -> p.file().toString(), Problem::line, Problem::severity)
                .containsExactly(tuple("feed.xml", 12, ERROR));
        assertThat(problems.get(0).message()).startsWith("malformed XML: ");
        assertThat(problems.get(0).hint()).contains("&amp;");
    }

    @Test
    void relativeUrlInFeedIsAnError() throws IOException {
        assertThat(problems("relative-feed-url"))
                .extracting(p -> p.file().toString(), Problem::line, Problem::severity, Problem::message)
                .containsExactly(tuple("feed.xml", 10, ERROR,
                        "feed <link href> must be an absolute URL, not \"/2014/08/bai-viet/\""));
    }

    @Test
    void sitemapEntryForAMissingPageIsAnError() throws IOException {
        assertThat(problems("sitemap-missing-page"))
                .extracting(p -> p.file().toString(), Problem::line, Problem::severity, Problem::message)
                .containsExactly(tuple("sitemap.xml", 5, ERROR,
                        "sitemap <loc> \"https://example.org/2014/08/ban-nhap/\" points to a missing file: 2014/08/ban-nhap/index.html"));
    }

    @Test
    void duplicateIdAndImageWithoutAltAreReportedAtTheirLines() throws IOException {
        assertThat(problems("duplicate-ids"))
                .extracting(p -> p.file().toString(), Problem::line, Problem::severity, Problem::message)
                .containsExactly(
                        tuple("index.html", 12, ERROR, "duplicate id \"hoi-nghi\" (first used on line 10)"),
                        tuple("index.html", 13, ERROR, "<img> without alt"));
    }

    @Test
    void subpathSiteWithBasePathLinksPasses() throws IOException {
        assertThat(check("subpath-ok", "https://host/archive/").problems()).isEmpty();
    }

    @Test
    void subpathSiteWithARootLinkFails() throws IOException {
        assertThat(check("subpath-root-link", "https://host/archive/").problems())
                .extracting(p -> p.file().toString(), Problem::line, Problem::severity, Problem::message)
                .containsExactly(tuple("index.html", 11, ERROR,
                        "link \"/2014/08/bai-viet/\" points outside the site: /2014/08/bai-viet/ is not under the base path /archive/"));
    }

    @Test
    void subpathSiteCheckedAsRootSiteFailsItsBasePathLinks() throws IOException {
        // The same tree is wrong for https://host/: its /archive/... links point nowhere.
        assertThat(check("subpath-ok", "https://host/").problems())
                .extracting(Problem::severity).containsOnly(ERROR).isNotEmpty();
    }

    @Test
    void invalidHtmlIsReportedRuleByRule() throws IOException {
        assertThat(problems("invalid-html"))
                .extracting(p -> p.file().toString(), Problem::line, Problem::message)
                .contains(
                        tuple("404.html", 10, "link \"index.html\" is relative, but this page is served for every missing URL"),
                        tuple("index.html", 2, "the <html> element has no lang attribute"),
                        tuple("index.html", 3, "the page has no <title>"),
                        tuple("index.html", 9, "unexpected end tag </i>: elements are misnested or left unclosed"),
                        tuple("index.html", 10, "unexpected end tag </p>: elements are misnested or left unclosed"),
                        tuple("index.html", 11, "link inside a link: <a> cannot contain another <a>"),
                        tuple("index.html", 12, "obsolete element <font>"),
                        tuple("index.html", 13, "width=\"100%\" on <img> is not a whole number of pixels"),
                        tuple("index.html", 14, "obsolete attribute align on <table>"),
                        tuple("index.html", 15, "<label for=\"tu-khoa\"> names no element of the page"),
                        tuple("index.html", 16, "<button> inside <a> (line 16)"));
        assertThat(problems("invalid-html")).extracting(Problem::severity).containsOnly(ERROR);
    }

    @Test
    void missingFragmentsAndDirectoryLinksAreWarnings() throws IOException {
        assertThat(problems("fragment-warning"))
                .extracting(p -> p.file().toString(), Problem::line, Problem::severity, Problem::message)
                .containsExactly(
                        tuple("index.html", 11, WARNING, "link \"/2014/08/bai-viet/#muc-da-doi-ten\": no element with id \"muc-da-doi-ten\" in 2014/08/bai-viet/index.html"),
                        tuple("index.html", 12, WARNING, "link \"#binh-luan\": no element with id \"binh-luan\" in this page"),
                        tuple("index.html", 13, WARNING, "link \"/2014/08/bai-viet\" names a directory without the trailing slash"));
    }

    @Test
    void problemsComeBackSortedByFileThenLine() throws IOException {
        List<Problem> problems = problems("invalid-html");

        assertThat(problems).isSortedAccordingTo(Problem.ORDER);
    }

    @Test
    void linksToADevelopmentServerAreErrors(@TempDir Path site) throws IOException {
        write(site, "index.html", page("<link rel=\"canonical\" href=\"http://127.0.0.1:1313/\">", "<p>Tin</p>"));
        write(site, "404.html", page("", "<p>Không tìm thấy</p>"));

        assertThat(check(site, EXAMPLE).problems())
                .extracting(p -> p.file().toString(), Problem::line, Problem::message)
                .containsExactly(tuple("index.html", 5, "canonical link \"http://127.0.0.1:1313/\" points at a development server"));
    }

    @Test
    void absoluteLinksToTheSiteItselfAreCheckedLikeRelativeOnes(@TempDir Path site) throws IOException {
        write(site, "index.html", page("", "<a href=\"https://example.org/ok/\">ok</a>\n<a href=\"http://EXAMPLE.org/missing/\">missing</a>"));
        write(site, "ok/index.html", page("", "<p>ok</p>"));
        write(site, "404.html", page("", "<p>Không tìm thấy</p>"));

        assertThat(check(site, "https://example.org").problems())
                .extracting(Problem::line, Problem::severity, Problem::message).containsExactly(
                        tuple(11, ERROR, "link \"http://EXAMPLE.org/missing/\" points to a missing file: missing/index.html"),
                        tuple(11, WARNING, "link \"http://EXAMPLE.org/missing/\" uses http:// for this https site"));
    }

    @Test
    void invalidUtf8IsReportedWithItsLine(@TempDir Path site) throws IOException {
        write(site, "index.html", page("", "<p>Hội nghị</p>"));
        write(site, "404.html", page("", "<p>Không tìm thấy</p>"));
        byte[] latin1 = page("", "<p>Th\u00e0nh t\u00edch</p>").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(site.resolve("cu.html"), latin1);

        assertThat(check(site, EXAMPLE).problems())
                .extracting(p -> p.file().toString(), Problem::line, Problem::message)
                .containsExactly(tuple("cu.html", 10, "file is not valid UTF-8"));
    }

    @Test
    void siteWithoutHomePageOrErrorPageIsReported(@TempDir Path site) throws IOException {
        write(site, "a/index.html", page("", "<p>a</p>"));

        assertThat(check(site, EXAMPLE).problems())
                .extracting(Problem::file, Problem::severity)
                .containsExactly(tuple(null, ERROR), tuple(null, WARNING));
    }

    @Test
    void feedDatesAndRequiredElementsAreChecked(@TempDir Path site) throws IOException {
        write(site, "index.html", page("", "<p>Tin</p>"));
        write(site, "404.html", page("", "<p>Không tìm thấy</p>"));
        write(site, "rss.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0">
                  <channel>
                    <title>Tin</title>
                    <link>https://example.org/</link>
                    <item>
                      <title>Bài</title>
                      <link>https://example.org/</link>
                      <pubDate>18/08/2014</pubDate>
                      <description>&lt;img src="anh.jpg" alt=""&gt;</description>
                    </item>
                  </channel>
                </rss>
                """);

        assertThat(check(site, EXAMPLE).problems())
                .extracting(Problem::line, Problem::severity, Problem::message)
                .containsExactly(
                        tuple(3, ERROR, "<channel> has no <description>"),
                        tuple(9, ERROR, "<pubDate> \"18/08/2014\" is not a valid date"),
                        tuple(10, WARNING, "relative URL in feed content: \"anh.jpg\""));
    }

    @Test
    void feedWithADoctypeIsRefusedRatherThanExpanded(@TempDir Path site) throws IOException {
        write(site, "index.html", page("", "<p>Tin</p>"));
        write(site, "404.html", page("", "<p>Không tìm thấy</p>"));
        write(site, "feed.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>&x;</title></feed>
                """);

        assertThat(check(site, EXAMPLE).problems())
                .extracting(p -> p.file().toString(), Problem::line, Problem::severity)
                .containsExactly(tuple("feed.xml", 2, ERROR));
    }

    @Test
    void cssUrlsResolveAgainstTheStylesheetAndSkipComments(@TempDir Path site) throws IOException {
        write(site, "index.html", page("<link rel=\"stylesheet\" href=\"/css/site.css\">", "<p>Tin</p>"));
        write(site, "404.html", page("", "<p>Không tìm thấy</p>"));
        write(site, "img/ok.png", "x");
        write(site, "css/site.css", "/* url(gone.png) */\n.a { background: url(../img/ok.png); }\n.b {\n  background: url( \"../img/gone.png\" );\n}\n");

        assertThat(check(site, EXAMPLE).problems())
                .extracting(p -> p.file().toString(), Problem::line, Problem::message)
                .containsExactly(tuple("css/site.css", 4, "CSS url() \"../img/gone.png\" points to a missing file: img/gone.png"));
    }

    /** A valid page; {@code head} lands on line 5 and {@code body} starts on line 10. */
    static String page(String head, String body) {
        return "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n" + head + "\n<title>Trang</title>\n</head>\n<body>\n<main>\n"
                + body + "\n</main>\n</body>\n</html>\n";
    }

    static void write(Path site, String sitePath, String text) throws IOException {
        Path file = site.resolve(sitePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void documentsMustBeWhatTheirNameSays(@TempDir Path site) throws IOException {
        TestSites.copyTree(Fixtures.site("clean"), site);
        Files.write(site.resolve("quyet-dinh.pdf"), "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(site.resolve("ke-hoach.docx"), "<html>404</html>".getBytes(StandardCharsets.US_ASCII));
        Files.write(site.resolve("bao-cao.xlsx"), new byte[0]);
        List<Problem> problems = check(site, EXAMPLE).problems();
        assertThat(problems).extracting(p -> p.file().toString(), Problem::severity)
                .containsExactly(tuple("bao-cao.xlsx", ERROR), tuple("ke-hoach.docx", ERROR));
        assertThat(problems.get(0).message()).contains("empty");
        assertThat(problems.get(1).message()).contains("is not a Word (.docx, a ZIP package) file");
    }
}
