package io.gazette.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Byte ranges of the preview's files over real HTTP: what a client reading parts of a packed
 * index file relies on (206 with Content-Range, several ranges as multipart/byteranges, 416,
 * If-Range), uncompressed even when the client accepts gzip.
 */
class RangeRequestTest {
    private PreviewSite site;
    private PreviewServer server;
    private final byte[] pack = new byte[300_000];
    private final byte[] large = new byte[(1 << 20) + 123_457]; // above the size the server streams
    private final byte[] css = "body { margin: 0 }\n".repeat(500).getBytes(UTF_8);

    @BeforeEach
    void start() throws Exception {
        new Random(7).nextBytes(pack);
        new Random(8).nextBytes(large);
        site = PreviewSite.inMemory();
        try (PreviewSite.Transaction tx = site.begin()) {
            tx.write("search/pack.bin", pack);
            tx.write("search/large.bin", large);
            tx.write("css/site.css", css);
            tx.write("index.html", "<html><body>trang chủ</body></html>".getBytes(UTF_8));
            tx.commit();
        }
        server = PreviewServer.builder(site).port(0).build().start();
    }

    @AfterEach
    void stop() {
        server.close();
        site.close();
    }

    @Test
    void aWholeFileSaysRangesAreAccepted() throws Exception {
        HttpResponse<byte[]> whole = TestHttp.getBytes(server.url(), "/search/pack.bin");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(whole.body()).isEqualTo(pack);
    }

    @Test
    void oneRangeIsAPartialAnswerWithItsBytesOnly() throws Exception {
        HttpResponse<byte[]> part = TestHttp.getBytes(server.url(), "/search/pack.bin", "Range", "bytes=1000-1999");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/300000");
        assertThat(part.headers().firstValueAsLong("Content-Length")).hasValue(1000);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(pack, 1000, 2000));

        HttpResponse<byte[]> suffix = TestHttp.getBytes(server.url(), "/search/pack.bin", "Range", "bytes=-10");
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.headers().firstValue("Content-Range")).hasValue("bytes 299990-299999/300000");
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(pack, 299_990, 300_000));

        HttpResponse<byte[]> open = TestHttp.getBytes(server.url(), "/search/large.bin", "Range", "bytes=1048000-");
        assertThat(open.statusCode()).isEqualTo(206);
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(large, 1_048_000, large.length));
    }

    @Test
    void aRangeOfATextFileIsNeverCompressed() throws Exception {
        HttpResponse<byte[]> part = TestHttp.getBytes(server.url(), "/css/site.css", "Range", "bytes=19-37",
                "Accept-Encoding", "gzip");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(part.body(), UTF_8)).isEqualTo("body { margin: 0 }\n");
        // the whole file still is, as before
        HttpResponse<byte[]> whole = TestHttp.getBytes(server.url(), "/css/site.css", "Accept-Encoding", "gzip");
        assertThat(whole.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    @Test
    void severalRangesComeAsMultipartByteranges() throws Exception {
        HttpResponse<byte[]> parts = TestHttp.getBytes(server.url(), "/search/pack.bin", "Range", "bytes=0-9,5000-5009");
        assertThat(parts.statusCode()).isEqualTo(206);
        String type = parts.headers().firstValue("Content-Type").orElseThrow();
        assertThat(type).startsWith("multipart/byteranges; boundary=");
        String body = new String(parts.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(body).contains("Content-Range: bytes 0-9/300000").contains("Content-Range: bytes 5000-5009/300000")
                .contains(new String(Arrays.copyOfRange(pack, 0, 10), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains(new String(Arrays.copyOfRange(pack, 5000, 5010), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("--" + type.substring(type.indexOf('=') + 1) + "--");
    }

    @Test
    void aRangeBeyondTheEndIsNotSatisfiable() throws Exception {
        HttpResponse<byte[]> answer = TestHttp.getBytes(server.url(), "/search/pack.bin", "Range", "bytes=400000-");
        assertThat(answer.statusCode()).isEqualTo(416);
        assertThat(answer.headers().firstValue("Content-Range")).hasValue("bytes */300000");
    }

    @Test
    void ifRangeWithAnOldTagGetsTheWholeNewFile() throws Exception {
        String etag = TestHttp.getBytes(server.url(), "/search/pack.bin").headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> current = TestHttp.getBytes(server.url(), "/search/pack.bin", "Range", "bytes=0-99",
                "If-Range", etag);
        assertThat(current.statusCode()).isEqualTo(206);
        assertThat(current.body()).hasSize(100);

        HttpResponse<byte[]> stale = TestHttp.getBytes(server.url(), "/search/pack.bin", "Range", "bytes=0-99",
                "If-Range", "\"0123456789abcdef0123456789abcdef\"");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(pack);
    }

    @Test
    void pagesAreServedWholeWithTheLiveReloadScript() throws Exception {
        HttpResponse<String> page = TestHttp.get(server.url(), "/", "Range", "bytes=0-9");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("trang chủ").contains(LiveReload.SCRIPT_PATH);
        assertThat(page.headers().firstValue("Accept-Ranges")).isEmpty();
    }
}
