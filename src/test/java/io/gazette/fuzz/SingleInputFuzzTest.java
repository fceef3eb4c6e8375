package io.gazette.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.RandomGenerator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import net.jqwik.api.Example;

/**
 * Fuzzes single articles (front matter → Markdown → page → feed): each case ends in pages and
 * feeds that parse without a single error, or in errors that name the file and the line; never an
 * exception or a hang. Half the cases run with {@code allowRawHtml: true}.
 *
 * <p>{@code mvn verify} runs a bounded number; a long run: {@code mvn test -Dtest=SingleInputFuzzTest
 * -Dgazette.fuzz.tries=1000000 -Dgazette.fuzz.threads=2 -Dgazette.fuzz.seed=N}.
 */
class SingleInputFuzzTest {
    private static final int TRIES = Integer.getInteger("gazette.fuzz.tries", 2_000);
    private static final int THREADS = Integer.getInteger("gazette.fuzz.threads", 1);
    private static final long SEED = Long.getLong("gazette.fuzz.seed", 20140818L);
    static final Path REGRESSIONS = io.gazette.build.TestSites.projectRoot().resolve("src/test/resources/fuzz/regressions");

    @Example
    void everyArticleEndsInValidPagesAndFeedsOrInLocatedErrors() throws Exception {
        Path temp = Files.createTempDirectory("gazette-fuzz-");
        FuzzFailures failures = new FuzzFailures("article");
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        // jqwik generates on its own thread; sessions (half with raw HTML allowed) check in parallel.
        BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(4096);
        byte[] end = new byte[0];
        int sessions = Math.max(2, THREADS);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> broken = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int s = 0; s < sessions; s++) {
            int index = s;
            Thread thread = new Thread(() -> {
                try (ArticleSession session = new ArticleSession(temp.resolve("s" + index), index % 2 == 1)) {
                    for (byte[] input = queue.take(); input != end; input = queue.take()) {
                        Optional<String> wrong = session.run(input);
                        byte[] failed = input;
                        wrong.ifPresent(what -> failures.add((index % 2 == 1 ? "[allowRawHtml] " : "") + what, failed, ".md"));
                        long count = done.incrementAndGet();
                        if (count % 20_000 == 0) {
                            System.out.printf("fuzz: %,d articles, %d failures, %d s%n", count, failures.all().size(),
                                    (System.nanoTime() - start) / 1_000_000_000);
                        }
                    }
                } catch (Throwable e) {
                    broken.add(e);
                }
            }, "fuzz-" + s);
            threads.add(thread);
            thread.start();
        }
        RandomGenerator<byte[]> inputs = FuzzInputs.articleBytes().generator(1000);
        Random random = new Random(SEED);
        for (int i = 0; i < TRIES && failures.all().size() < 20 && broken.isEmpty(); i++) {
            queue.put(inputs.next(random).value());
        }
        for (int s = 0; s < sessions; s++) {
            queue.put(end);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        io.gazette.output.TreeDeletion.delete(temp);
        assertThat(broken).isEmpty();
        System.out.printf("fuzz: %,d single articles (seed %d) in %d s, %d failures%n", done.get(), SEED,
                (System.nanoTime() - start) / 1_000_000_000, failures.all().size());
        assertThat(failures.all()).isEmpty();
    }

    /** Every input that once failed, kept as a fixture, passes. */
    @Example
    void everyRegressionFixturePasses() throws Exception {
        Path temp = Files.createTempDirectory("gazette-fuzz-");
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(REGRESSIONS)) {
            fixtures = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(fixtures).isNotEmpty();
        List<String> failed = new ArrayList<>();
        for (boolean raw : new boolean[] {false, true}) {
            try (ArticleSession session = new ArticleSession(temp.resolve("regressions-" + raw), raw)) {
                for (Path fixture : fixtures) {
                    session.run(Files.readAllBytes(fixture)).ifPresent(what -> failed.add(fixture.getFileName()
                            + (raw ? " with raw HTML: " : ": ") + what));
                }
            }
        }
        io.gazette.output.TreeDeletion.delete(temp);
        assertThat(failed).isEmpty();
    }
}
