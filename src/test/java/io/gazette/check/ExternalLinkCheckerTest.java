package io.gazette.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a server on the loopback interface: tests never reach other sites. */
class ExternalLinkCheckerTest {
    private HttpServer server;
    private ExecutorService executor;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/gone", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.createContext("/no-head", exchange -> {
            int status = exchange.getRequestMethod().equals("HEAD") ? 405 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void reportsMissingAndSlowPagesAndFallsBackToGetWhenHeadIsRefused() throws InterruptedException {
        ExternalLinkChecker checker = new ExternalLinkChecker(Duration.ofMillis(500), 4);

        Map<URI, String> failures = checker.failures(List.of(url("/ok"), url("/gone"), url("/no-head"), url("/slow")));

        assertThat(failures).containsOnlyKeys(url("/gone"), url("/slow"));
        assertThat(failures.get(url("/gone"))).isEqualTo("HTTP 404");
        assertThat(failures.get(url("/slow"))).isEqualTo("no answer within 500 ms");
    }
}
