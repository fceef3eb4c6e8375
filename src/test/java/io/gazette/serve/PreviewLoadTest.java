package io.gazette.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded load run: many concurrent clients on 127.0.0.1 while the site is swapped again and
 * again; no request may fail. Runnable as a test or, for other sizes, as a main:
 * {@code PreviewLoadTest <clients> <requestsPerClient>}.
 */
class PreviewLoadTest {
    @TempDir
    Path temp;

    record Result(long requests, long failures, long millis, List<String> samples) {
    }

    @Test
    void twoHundredConcurrentClientsDuringSnapshotSwaps() throws Exception {
        Result result = run(temp, 200, 20);
        assertThat(result.samples()).isEmpty();
        assertThat(result.failures()).isZero();
        assertThat(result.requests()).isEqualTo(200 * 20);
        assertThat(result.millis()).isLessThan(20_000);
    }

    static Result run(Path cacheDir, int clients, int requestsPerClient) throws Exception {
        try (PreviewSite site = PreviewSite.onDisk(cacheDir.resolve("cache"))) {
            publish(site, 0);
            PreviewServer server = PreviewServer.builder(site).port(0).build().start();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(pool).build();
            AtomicBoolean swapping = new AtomicBoolean(true);
            Thread swapper = new Thread(() -> {
                for (int generation = 1; swapping.get(); generation++) {
                    publish(site, generation);
                    sleep(20);
                }
            }, "load-swapper");
            try {
                URI base = server.url();
                AtomicLong requests = new AtomicLong();
                AtomicLong failures = new AtomicLong();
                ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
                CountDownLatch done = new CountDownLatch(clients);
                String[] paths = {"/", "/p/1/", "/p/2/", "/css/site.css", "/p/3", "/missing/"};
                long start = System.nanoTime();
                swapper.start();
                List<Thread> threads = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    Thread thread = new Thread(() -> {
                        try {
                            for (int i = 0; i < requestsPerClient; i++) {
                                String path = paths[(client + i) % paths.length];
                                HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                                        .timeout(Duration.ofSeconds(15)).header("Accept-Encoding", "gzip").build();
                                try {
                                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                                    int expected = path.equals("/missing/") ? 404 : path.equals("/p/3") ? 301 : 200;
                                    if (response.statusCode() != expected || (expected == 200 && response.body().length == 0)) {
                                        failures.incrementAndGet();
                                        if (samples.size() < 5) {
                                            samples.add(path + " -> " + response.statusCode());
                                        }
                                    }
                                } catch (Exception e) {
                                    failures.incrementAndGet();
                                    if (samples.size() < 5) {
                                        samples.add(path + " -> " + e);
                                    }
                                }
                                requests.incrementAndGet();
                            }
                        } finally {
                            done.countDown();
                        }
                    }, "load-client-" + c);
                    threads.add(thread);
                    thread.start();
                }
                boolean finished = done.await(60, TimeUnit.SECONDS);
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (!finished) {
                    samples.add("did not finish within 60 s");
                }
                return new Result(requests.get(), failures.get(), millis, List.copyOf(samples));
            } finally {
                swapping.set(false);
                swapper.join(10_000);
                server.close();
                pool.shutdownNow();
            }
        }
    }

    private static void publish(PreviewSite site, int generation) {
        try (PreviewSite.Transaction tx = site.begin()) {
            String filler = "<p>Tin tức thời sự trong ngày, thế hệ " + generation + ".</p>\n";
            tx.write("index.html", ("<html><body>" + filler.repeat(300) + "</body></html>").getBytes(UTF_8));
            for (int page = 1; page <= 3; page++) {
                tx.write("p/" + page + "/index.html",
                        ("<html><body>page " + page + filler.repeat(300) + "</body></html>").getBytes(UTF_8));
            }
            tx.write("css/site.css", ("/* " + generation + " */ body { margin: 0 }\n".repeat(50)).getBytes(UTF_8));
            tx.write("404.html", "<html><body>missing</body></html>".getBytes(UTF_8));
            tx.commit();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int perClient = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path dir = java.nio.file.Files.createTempDirectory("gazette-load");
        Result result = run(dir, clients, perClient);
        System.out.printf("%d requests from %d clients in %d ms (%.0f req/s), %d failures %s%n", result.requests(),
                clients, result.millis(), result.requests() * 1000.0 / Math.max(1, result.millis()), result.failures(),
                result.samples());
    }
}
