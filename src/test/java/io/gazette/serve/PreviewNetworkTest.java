package io.gazette.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against DNS rebinding and other sites' pages: a request whose {@code Host} is not a loopback
 * name is refused on every route, the event stream and the search API as well as pages, and no
 * answer carries a CORS header that would let another origin read it.
 */
class PreviewNetworkTest {
    private ServedPages served;
    private PreviewServer server;

    @BeforeEach
    void start() throws Exception {
        served = ServedPages.start(Map.of("index.html", "<html><body>trang chủ</body></html>"), server -> server
                .search(query -> "{\"query\":" + Json.quote(query) + ",\"hits\":[]}"));
        server = served.server;
    }

    @AfterEach
    void stop() {
        served.close();
    }

    /** The response head of one request sent as written; reads only the head, so a stream does not block. */
    private String head(String target, String host, String origin) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
                    + "Accept: text/event-stream, */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            StringBuilder head = new StringBuilder();
            var in = socket.getInputStream();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            return head.toString();
        }
    }

    @Test
    void foreignHostsAreRefusedOnPagesTheEventStreamAndTheSearchApi() throws Exception {
        for (String target : new String[] {"/", LiveReload.EVENTS_PATH + "?path=/", "/api/search?q=thi+dua", LiveReload.SCRIPT_PATH}) {
            for (String host : new String[] {"evil.example:" + server.port(), "127.0.0.1.evil.example", "attacker.test"}) {
                assertThat(head(target, host, "http://" + host)).as(target + " for " + host).startsWith("HTTP/1.1 403");
            }
        }
    }

    @Test
    void loopbackNamesAreServedWithoutCorsHeadersWhateverTheOrigin() throws Exception {
        String[] hosts = {"127.0.0.1:" + server.port(), "localhost:" + server.port(), "[::1]:" + server.port()};
        for (String target : new String[] {"/", LiveReload.EVENTS_PATH + "?path=/", "/api/search?q=thi+dua"}) {
            for (String host : hosts) {
                String head = head(target, host, "http://evil.example");
                assertThat(head).as(target + " for " + host).startsWith("HTTP/1.1 200");
                assertThat(head.toLowerCase(java.util.Locale.ROOT)).as(target).doesNotContain("access-control-allow");
            }
        }
    }
}
