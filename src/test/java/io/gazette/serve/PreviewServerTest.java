package io.gazette.serve;

import io.gazette.json.Json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PreviewServerTest {
    private static final String PAGE = "<!doctype html><html><head><title>Hội nghị</title></head>"
            + "<body><h1>Hội nghị sơ kết</h1>" + "<p>Nội dung bài viết.</p>".repeat(40) + "</body></html>";
    private static final String CSS = "body { color: #222; }\n".repeat(40);
    private static final String JS = "console.log('tin tức');\n".repeat(40);

    private ServedPages served;
    private PreviewSite site;
    private PreviewServer server;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        served = ServedPages.start(Map.ofEntries(
                Map.entry("index.html", "<html><body>home</body></html>"),
                Map.entry("2014/hoi-nghi/index.html", PAGE),
                Map.entry("404.html", "<html><body>Không tìm thấy trang</body></html>"),
                Map.entry("css/site.css", CSS),
                Map.entry("js/site.js", JS),
                Map.entry("feed.xml", "<?xml version=\"1.0\"?><feed/>"),
                Map.entry("sitemap.xml", "<?xml version=\"1.0\"?><urlset/>"),
                Map.entry("search/index.json", "{\"a\":1}"),
                Map.entry("robots.txt", "User-agent: *\n"),
                Map.entry("img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
                Map.entry("img/photo.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3})),
                server -> server);
        site = served.site;
        server = served.server;
        base = server.url();
    }

    @AfterEach
    void stop() {
        served.close();
    }

    @Test
    void bindsToLoopbackAndReportsItsUrl() {
        assertThat(base.toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
        assertThat(server.port()).isPositive();
    }

    @ParameterizedTest
    @CsvSource({
            "/2014/hoi-nghi/, text/html; charset=utf-8",
            "/css/site.css, text/css; charset=utf-8",
            "/js/site.js, text/javascript; charset=utf-8",
            "/feed.xml, application/atom+xml; charset=utf-8",
            "/sitemap.xml, application/xml; charset=utf-8",
            "/search/index.json, application/json; charset=utf-8",
            "/robots.txt, text/plain; charset=utf-8",
            "/img/logo.svg, image/svg+xml; charset=utf-8",
            "/img/photo.jpg, image/jpeg",
    })
    void servesContentTypesWithCharsetForText(String path, String contentType) throws Exception {
        HttpResponse<String> response = TestHttp.get(base, path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(contentType);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void servesUtf8TextIntact() throws Exception {
        HttpResponse<String> response = TestHttp.get(base, "/2014/hoi-nghi/");
        assertThat(response.body()).contains("<h1>Hội nghị sơ kết</h1>");
    }

    @Test
    void missingPagesGetTheSitesOwn404PageWithStatus404() throws Exception {
        HttpResponse<String> response = TestHttp.get(base, "/khong-co/");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Không tìm thấy trang");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    }

    @Test
    void withoutA404PageTheServerAnswersWithItsOwn() throws Exception {
        try (PreviewSite.Transaction tx = site.begin()) {
            tx.delete("404.html");
            tx.commit();
        }
        HttpResponse<String> response = TestHttp.get(base, "/khong-co");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Not found").contains(LiveReload.SCRIPT_PATH);
    }

    @Test
    void directoriesServeTheirIndex() throws Exception {
        assertThat(TestHttp.get(base, "/").body()).contains("home");
        assertThat(TestHttp.get(base, "/2014/hoi-nghi/").body()).contains("Hội nghị sơ kết");
        assertThat(TestHttp.get(base, "/2014/hoi-nghi/index.html").body()).contains("Hội nghị sơ kết");
    }

    @Test
    void directoryWithoutSlashRedirectsPermanentlyKeepingTheQuery() throws Exception {
        HttpResponse<String> response = TestHttp.get(base, "/2014/hoi-nghi?x=1");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/2014/hoi-nghi/?x=1");
    }

    @Test
    void aDirectoryWithoutIndexIsNotFoundRatherThanRedirected() throws Exception {
        assertThat(TestHttp.get(base, "/2014").statusCode()).isEqualTo(404);
        assertThat(TestHttp.get(base, "/css/").statusCode()).isEqualTo(404);
    }

    /** The search page reads passages with Range requests: one range is answered with 206 and those bytes. */
    @Test
    void oneByteRangeIsAnsweredWith206AndOnlyThoseBytes() throws Exception {
        HttpResponse<byte[]> part = TestHttp.getBytes(base, "/img/photo.jpg", "Range", "bytes=2-4");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).containsExactly((byte) 0xff, 1, 2);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 2-4/6");
        assertThat(TestHttp.getBytes(base, "/img/photo.jpg").headers().firstValue("Accept-Ranges")).hasValue("bytes");
        // HTML (rewritten on the way out) is always whole; several ranges and unsatisfiable ones: RangeRequestTest.
        HttpResponse<String> page = TestHttp.get(base, "/2014/hoi-nghi/", "Range", "bytes=0-3");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Hội nghị sơ kết");
    }

    @Test
    void etagRevalidationAnswers304() throws Exception {
        HttpResponse<String> first = TestHttp.get(base, "/css/site.css");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");

        HttpResponse<String> again = TestHttp.get(base, "/css/site.css", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);

        HttpResponse<String> other = TestHttp.get(base, "/css/site.css", "If-None-Match", "\"something-else\"");
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void etagChangesWithContentAndSurvivesIdenticalRewrites() throws Exception {
        String before = TestHttp.get(base, "/css/site.css").headers().firstValue("ETag").orElseThrow();
        commit("css/site.css", CSS);
        assertThat(TestHttp.get(base, "/css/site.css").headers().firstValue("ETag")).hasValue(before);
        commit("css/site.css", CSS + "a { color: red; }");
        HttpResponse<String> changed = TestHttp.get(base, "/css/site.css", "If-None-Match", before);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(before);
    }

    @Test
    void ifModifiedSinceAnswers304() throws Exception {
        String lastModified = TestHttp.get(base, "/robots.txt").headers().firstValue("Last-Modified").orElseThrow();
        assertThat(TestHttp.get(base, "/robots.txt", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(TestHttp.get(base, "/robots.txt", "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void compressesTextWhenTheClientAcceptsGzip() throws Exception {
        HttpResponse<byte[]> gz = TestHttp.getBytes(base, "/css/site.css", "Accept-Encoding", "gzip, deflate");
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gz.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(gunzip(gz.body())).isEqualTo(CSS);
        assertThat(gz.body().length).isLessThan(CSS.length() / 4);

        HttpResponse<byte[]> html = TestHttp.getBytes(base, "/2014/hoi-nghi/", "Accept-Encoding", "gzip");
        assertThat(html.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(html.body())).contains("Hội nghị sơ kết").contains(LiveReload.SCRIPT_PATH);
    }

    @Test
    void doesNotCompressWithoutAcceptEncodingOrForImages() throws Exception {
        HttpResponse<String> plain = TestHttp.get(base, "/css/site.css");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(CSS);
        HttpResponse<byte[]> refused = TestHttp.getBytes(base, "/css/site.css", "Accept-Encoding", "gzip;q=0");
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        HttpResponse<byte[]> image = TestHttp.getBytes(base, "/img/photo.jpg", "Accept-Encoding", "gzip");
        assertThat(image.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(image.body()).hasSize(6);
    }

    @Test
    void gzipAndIdentityHaveDifferentEtagsAndBothRevalidate() throws Exception {
        String identity = TestHttp.get(base, "/css/site.css").headers().firstValue("ETag").orElseThrow();
        String gzip = TestHttp.getBytes(base, "/css/site.css", "Accept-Encoding", "gzip")
                .headers().firstValue("ETag").orElseThrow();
        assertThat(gzip).isNotEqualTo(identity);
        assertThat(TestHttp.getBytes(base, "/css/site.css", "Accept-Encoding", "gzip", "If-None-Match", gzip)
                .statusCode()).isEqualTo(304);
    }

    @Test
    void injectsTheReloadScriptIntoHtmlOnlyBeforeTheClosingBody() throws Exception {
        String html = TestHttp.get(base, "/2014/hoi-nghi/").body();
        assertThat(html).containsOnlyOnce("<script src=\"/_gazette/live.js\"");
        assertThat(html).endsWith("</script></body></html>");
        assertThat(html).contains("data-page=\"2014/hoi-nghi/index.html@");

        assertThat(TestHttp.get(base, "/css/site.css").body()).isEqualTo(CSS);
        assertThat(TestHttp.get(base, "/js/site.js").body()).isEqualTo(JS);
        assertThat(TestHttp.get(base, "/feed.xml").body()).doesNotContain("_gazette");
        assertThat(TestHttp.get(base, "/khong-co/").body()).contains("data-page=\"404.html@");
    }

    @Test
    void theSnapshotItselfNeverContainsTheScript() throws Exception {
        TestHttp.get(base, "/2014/hoi-nghi/");
        assertThat(new String(site.current().read("2014/hoi-nghi/index.html"), UTF_8)).isEqualTo(PAGE);
    }

    @Test
    void servesTheReloadScript() throws Exception {
        HttpResponse<String> script = TestHttp.get(base, LiveReload.SCRIPT_PATH);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("EventSource").contains("textContent").doesNotContain("innerHTML =");
    }

    @Test
    void headAnswersHeadersWithoutBody() throws Exception {
        TestHttp.RawResponse head = TestHttp.raw(server.port(), "HEAD", "/css/site.css", "127.0.0.1");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.head()).containsIgnoringCase("Content-Length: " + CSS.length());
        assertThat(head.body()).isEmpty();
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        TestHttp.RawResponse post = TestHttp.raw(server.port(), "POST", "/index.html", "127.0.0.1");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.head()).containsIgnoringCase("Allow: GET, HEAD");
    }

    @Test
    void refusesForeignHostNamesAgainstDnsRebinding() throws Exception {
        assertThat(TestHttp.raw(server.port(), "GET", "/", "evil.example:" + server.port()).status()).isEqualTo(403);
        assertThat(TestHttp.raw(server.port(), "GET", "/", "localhost:" + server.port()).status()).isEqualTo(200);
        assertThat(TestHttp.raw(server.port(), "GET", "/", "[::1]:" + server.port()).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/../../../../etc/passwd",
            "/2014/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/%2E%2E/etc/passwd",
            "/..%2f..%2fetc/passwd",
            "/2014/..%2f..%2f..%2fetc%2fpasswd",
            "/..%5c..%5cetc%5cpasswd",
            "/%5c..%5cetc/passwd",
            "/..;/..;/etc/passwd",
            "/2014/..;/404.html",
            "/%252e%252e/etc/passwd",
            "/.%2e/etc/passwd",
            "/%00/etc/passwd",
            "//etc/passwd",
            "/etc/passwd",
            "/./index.html/../../etc/passwd",
    })
    void traversalAttemptsNeverReachOtherFiles(String target) throws Exception {
        TestHttp.RawResponse response = TestHttp.raw(server.port(), target);
        assertThat(response.status()).isIn(400, 404);
        assertThat(response.body()).doesNotContain("root:").doesNotContain("home");
    }

    @Test
    void searchEndpointAnswersJsonWhenRegistered() throws Exception {
        assertThat(TestHttp.get(base, "/api/search?q=x").statusCode()).isEqualTo(404);
        server.search(query -> "{\"query\":" + Json.quote(query) + ",\"hits\":[]}");
        HttpResponse<String> response = TestHttp.get(base, "/api/search?q=thi%20%C4%91ua");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo("{\"query\":\"thi đua\",\"hits\":[]}");

        server.search(query -> {
            throw new IllegalStateException("index missing");
        });
        HttpResponse<String> failed = TestHttp.get(base, "/api/search?q=x");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("index missing");
    }

    @Test
    void largeFilesAreStreamedIntact() throws Exception {
        byte[] video = new byte[3 << 20];
        for (int i = 0; i < video.length; i++) {
            video[i] = (byte) (i * 31 + (i >> 9));
        }
        try (PreviewSite.Transaction tx = site.begin()) {
            tx.write("media/clip.mp4", video);
            tx.commit();
        }
        HttpResponse<byte[]> response = TestHttp.getBytes(base, "/media/clip.mp4");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(response.body()).isEqualTo(video);
    }

    @Test
    void servesPathsWithPercentEncodedUtf8() throws Exception {
        commit("tag/thời-sự/index.html", "<html><body>thời sự</body></html>");
        HttpResponse<String> response = TestHttp.get(base, "/tag/th%E1%BB%9Di-s%E1%BB%B1/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("thời sự");
        HttpResponse<String> redirect = TestHttp.get(base, "/tag/th%E1%BB%9Di-s%E1%BB%B1");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location").orElseThrow())
                .endsWith("/tag/th%E1%BB%9Di-s%E1%BB%B1/");
    }

    private void commit(String path, String content) {
        try (PreviewSite.Transaction tx = site.begin()) {
            tx.write(path, content.getBytes(UTF_8));
            tx.commit();
        }
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

}
