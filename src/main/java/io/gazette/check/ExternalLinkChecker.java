package io.gazette.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Asks other sites whether the pages we link to still exist: HEAD first (cheap), then GET for
 * servers that refuse or mishandle HEAD. Bounded: a few requests at a time, a timeout on each.
 */
final class ExternalLinkChecker {
    private static final int STATUS_OK_LIMIT = 400;

    /** Where a URL is used, to report it there. */
    record Location(String sitePath, int line, String what) {
    }

    private final Duration timeout;
    private final int concurrency;

    ExternalLinkChecker(Duration timeout, int concurrency) {
        this.timeout = timeout;
        this.concurrency = concurrency;
    }

    /** For each URL that failed, why; URLs that work are absent. */
    Map<URI, String> failures(Collection<URI> urls) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "gazette-external-links");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<URI> sorted = urls.stream().sorted().toList();
            List<Callable<Optional<String>>> tasks = new ArrayList<>();
            for (URI url : sorted) {
                tasks.add(() -> problemWith(client, url));
            }
            List<Future<Optional<String>>> results = pool.invokeAll(tasks);
            Map<URI, String> failures = new TreeMap<>();
            for (int i = 0; i < sorted.size(); i++) {
                URI url = sorted.get(i);
                try {
                    results.get(i).get().ifPresent(reason -> failures.put(url, reason));
                } catch (ExecutionException e) {
                    failures.put(url, String.valueOf(e.getCause()));
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    private Optional<String> problemWith(HttpClient client, URI url) throws InterruptedException {
        String headProblem;
        try {
            int status = send(client, url, "HEAD");
            if (status < STATUS_OK_LIMIT) {
                return Optional.empty();
            }
            headProblem = "HTTP " + status;
        } catch (IOException | IllegalArgumentException e) {
            headProblem = describe(e);
        }
        try {
            int status = send(client, url, "GET");
            return status < STATUS_OK_LIMIT ? Optional.empty() : Optional.of("HTTP " + status);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of(headProblem.startsWith("HTTP") ? describe(e) : headProblem);
        }
    }

    private int send(HttpClient client, URI url, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", "Gazette link checker")
                .build();
        // Only the status matters: closing the body stream at once spares downloading a video.
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            return response.statusCode();
        }
    }

    private String describe(Exception e) {
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s");
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
