package io.gazette.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The printed form of a problem and the order in which a build lists them. */
class ProblemTest {
    @Test
    void aProblemPrintsAsFileLineSeverityMessageThenItsHint() {
        assertThat(Problem.error(Path.of("content", "2014", "a.md"), 3, "missing `title`", "add a title").format())
                .isEqualTo("content/2014/a.md:3: error: missing `title`\n    hint: add a title");
        assertThat(Problem.warning(Path.of("site.yml"), 0, "no site.yml found", null).format())
                .as("line 0 means unknown: no `:0`; no hint, no hint line")
                .isEqualTo("site.yml: warning: no site.yml found");
        assertThat(Problem.error(null, 7, "two pages were written to the same output file x", "  ").format())
                .as("a site-wide problem has no location, and a blank hint is left out")
                .isEqualTo("error: two pages were written to the same output file x");
    }

    @Test
    void problemsAreSortedByFileThenLineWithErrorsBeforeWarningsOnOneLine() {
        Problems problems = new Problems();
        problems.add(Problem.warning(Path.of("content/b.md"), 2, "w", null));
        problems.add(Problem.error(Path.of("content/b.md"), 10, "late", null));
        problems.add(Problem.warning(Path.of("content/a.md"), 5, "z", null));
        problems.add(Problem.error(Path.of("content/a.md"), 5, "y", null));
        problems.add(Problem.error(null, 0, "site-wide", null));
        assertThat(problems.sorted()).extracting(Problem::format).containsExactly(
                "error: site-wide",
                "content/a.md:5: error: y",
                "content/a.md:5: warning: z",
                "content/b.md:2: warning: w",
                "content/b.md:10: error: late");
    }

    @Test
    void onlyErrorsFailABuild() {
        Problems problems = new Problems();
        problems.add(Problem.warning(Path.of("a.md"), 1, "w", null));
        assertThat(problems.hasErrors()).isFalse();
        problems.addAll(List.of(Problem.error(Path.of("a.md"), 2, "e", null)));
        assertThat(problems.hasErrors()).isTrue();
    }

    @Test
    void problemsReportedFromManyThreadsAreAllKept() throws Exception {
        Problems problems = new Problems();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 1; i <= 500; i++) {
                    problems.add(Problem.warning(Path.of("t" + thread + ".md"), i, "w", null));
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(problems.sorted()).hasSize(2000);
    }
}
