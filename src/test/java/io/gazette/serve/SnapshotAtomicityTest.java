package io.gazette.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Swaps whole-site snapshots in a tight loop while clients fetch pages; every page repeats its
 * generation number hundreds of times, so a response mixing two builds (or cut short, or read
 * from swept content) shows.
 */
class SnapshotAtomicityTest {
    private static final int PAGES = 30;
    private static final int LINES_PER_PAGE = 800; // ≈ 20 KB a page
    private static final Pattern GENERATION = Pattern.compile("gen=(\\d+) ");

    @TempDir
    Path temp;

    @Test
    void everyResponseIsWhollyFromOneSnapshot() throws Exception {
        try (PreviewSite site = PreviewSite.onDisk(temp.resolve("cache"))) {
            publish(site, 0);
            PreviewServer server = PreviewServer.builder(site).port(0).build().start();
            try {
                URI base = server.url();
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicInteger published = new AtomicInteger();
                Thread writer = new Thread(() -> {
                    for (int generation = 1; running.get(); generation++) {
                        publish(site, generation);
                        published.set(generation);
                    }
                }, "snapshot-writer");

                List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
                Set<Integer> generationsSeen = ConcurrentHashMap.newKeySet();
                AtomicInteger checked = new AtomicInteger();
                List<Thread> readers = new ArrayList<>();
                for (int r = 0; r < 12; r++) {
                    readers.add(new Thread(() -> {
                        while (running.get()) {
                            int page = ThreadLocalRandom.current().nextInt(PAGES);
                            try {
                                HttpResponse<String> response = TestHttp.get(base, "/p/" + page + "/");
                                String problem = check(response, page);
                                if (problem != null) {
                                    failures.add(problem);
                                } else {
                                    generationsSeen.add(generationOf(response.body()));
                                    checked.incrementAndGet();
                                }
                            } catch (Exception e) {
                                failures.add(e.toString());
                            }
                        }
                    }, "reader-" + r));
                }
                writer.start();
                readers.forEach(Thread::start);
                // Swap and read for 3 s, longer on a loaded machine until enough swaps overlapped
                // enough reads (a fixed time failed on a busy CI runner with 10 swaps, not 11).
                long start = System.nanoTime();
                do {
                    Thread.sleep(100);
                } while (System.nanoTime() - start < 30_000_000_000L
                        && (System.nanoTime() - start < 3_000_000_000L
                                || checked.get() <= 100 || published.get() <= 10 || generationsSeen.size() <= 5));
                running.set(false);
                writer.join(10_000);
                for (Thread reader : readers) {
                    reader.join(10_000);
                }

                assertThat(failures).isEmpty();
                assertThat(checked.get()).isGreaterThan(100);
                assertThat(published.get()).isGreaterThan(10);
                assertThat(generationsSeen).hasSizeGreaterThan(5); // the swaps really overlapped the reads
                assertThat(site.storedBlobs()).isLessThanOrEqualTo(3 * PAGES); // and old content was swept
            } finally {
                server.close();
            }
        }
    }

    private static void publish(PreviewSite site, int generation) {
        try (PreviewSite.Transaction tx = site.begin()) {
            for (int page = 0; page < PAGES; page++) {
                tx.write("p/" + page + "/index.html", render(generation, page).getBytes(UTF_8));
            }
            tx.commit();
        }
    }

    private static String render(int generation, int page) {
        StringBuilder html = new StringBuilder("<!doctype html><html><body>\n");
        for (int line = 0; line < LINES_PER_PAGE; line++) {
            html.append("<p>gen=").append(generation).append(" page=").append(page).append(" line=")
                    .append(line).append("</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static String check(HttpResponse<String> response, int page) {
        if (response.statusCode() != 200) {
            return "status " + response.statusCode();
        }
        String body = response.body();
        Matcher matcher = GENERATION.matcher(body);
        Integer generation = null;
        int count = 0;
        while (matcher.find()) {
            int found = Integer.parseInt(matcher.group(1));
            if (generation == null) {
                generation = found;
            } else if (generation != found) {
                return "page " + page + " mixes generations " + generation + " and " + found;
            }
            count++;
        }
        if (count != LINES_PER_PAGE) {
            return "page " + page + " has " + count + " lines";
        }
        String expected = render(generation, page);
        String withoutScript = body.replaceFirst("<script src=\"/_gazette/live.js\"[^>]*></script>", "");
        return withoutScript.equals(expected) ? null : "page " + page + " differs from generation " + generation;
    }

    private static int generationOf(String body) {
        Matcher matcher = GENERATION.matcher(body);
        matcher.find();
        return Integer.parseInt(matcher.group(1));
    }
}
