package io.gazette.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server works on a bounded number of requests at once (so that a crowd of clients cannot
 * take the CPU from the rebuild): a request beyond the limit waits for a free turn and is then
 * answered, never refused; the live-reload event streams, open for hours, are not counted.
 */
class RequestLimitTest {
    private final CountDownLatch searching = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private ServedPages served;
    private PreviewServer server;

    @BeforeEach
    void start() throws Exception {
        SearchEndpoint slow = query -> {
            searching.countDown();
            release.await(30, TimeUnit.SECONDS); // holds its turn until the test lets go
            return "{\"hits\":[]}";
        };
        served = ServedPages.start(Map.of("index.html", "<html><body>trang chủ</body></html>"),
                server -> server.search(slow).maxConcurrentRequests(1));
        server = served.server;
    }

    @AfterEach
    void stop() {
        release.countDown();
        served.close();
    }

    @Test
    void aRequestBeyondTheLimitWaitsItsTurnAndIsAnswered() throws Exception {
        CompletableFuture<HttpResponse<String>> search = send("/api/search?q=x");
        assertThat(searching.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<HttpResponse<String>> page = send("/");
        Thread.sleep(300);
        assertThat(page).as("the page waits while the one allowed request runs").isNotDone();

        release.countDown();
        assertThat(search.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        HttpResponse<String> answered = page.get(10, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("trang chủ");
    }

    @Test
    void openEventStreamsDoNotTakeTheTurns() throws Exception {
        try (TestHttp.SseClient tab = new TestHttp.SseClient(server.port(), "/", "");
             TestHttp.SseClient other = new TestHttp.SseClient(server.port(), "/", "")) {
            assertThat(tab.next(Duration.ofSeconds(10))).isNotNull();
            assertThat(other.next(Duration.ofSeconds(10))).isNotNull();
            HttpResponse<String> page = send("/").get(10, TimeUnit.SECONDS);
            assertThat(page.statusCode()).isEqualTo(200);
        }
    }

    private CompletableFuture<HttpResponse<String>> send(String path) {
        return TestHttp.CLIENT.sendAsync(HttpRequest.newBuilder(server.url().resolve(path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
