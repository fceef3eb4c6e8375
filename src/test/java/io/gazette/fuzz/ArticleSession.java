package io.gazette.fuzz;

import io.gazette.build.BuildResult;
import io.gazette.build.SiteBuild;
import io.gazette.build.TestSites;
import io.gazette.output.MemorySink;
import io.gazette.problems.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One input article through front matter → Markdown → page → feed, the way the preview server
 * builds a saved file: a long-lived build session whose project holds the fuzzed article and a
 * fixed one, regenerated for the changed file only, into memory. Cheap enough for a million cases.
 */
final class ArticleSession implements AutoCloseable {
    static final long HANG_SECONDS = Long.getLong("gazette.fuzz.hangSeconds", 60);
    private final Path file;
    private final SiteBuild session;
    private final MemorySink sink = new MemorySink();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fuzz-article");
        thread.setDaemon(true);
        return thread;
    });

    ArticleSession(Path project, boolean allowRawHtml) throws Exception {
        Files.createDirectories(project.resolve("content/2014"));
        Files.writeString(project.resolve("site.yml"), "title: \"Bản tin thử\"\nbaseUrl: https://example.org/lưu-trữ/\n"
                + "pageSize: 2\nallowRawHtml: " + allowRawHtml + "\n");
        Files.writeString(project.resolve("content/2014/co-dinh.md"), "---\ntitle: \"Bài cố định\"\ndate: 2014-08-01\n"
                + "tags: [Thi đua]\ncategory: Tin tức\n---\n\nHội nghị [liên kết](/2014/08/bai/) và https://mof.gov.vn/.\n");
        file = project.resolve("content/2014/fuzz.md");
        Files.writeString(file, "---\ntitle: Mở đầu\ndate: 2014-08-02\n---\nA.\n");
        session = SiteBuild.open(TestSites.options(project, project.resolve("public")));
        session.generate(sink, null, System.nanoTime(), false);
    }

    /** Empty when the case passed; otherwise what went wrong. */
    Optional<String> run(byte[] input) throws Exception {
        Files.write(file, input);
        Future<BuildResult> generation = worker.submit(() -> session.generate(sink, Set.of(file), System.nanoTime(), false));
        BuildResult result;
        try {
            result = generation.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return Optional.of("hang: no result after " + HANG_SECONDS + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            return Optional.of("uncaught exception: " + FuzzFailures.trace(e.getCause()));
        }
        if (result.problems().hasErrors()) {
            for (Problem problem : result.problems().sorted()) {
                if (problem.isError() && (problem.file() == null || problem.line() < 1)) {
                    return Optional.of("error without file:line: " + problem.format());
                }
            }
            return Optional.empty();
        }
        Map<String, byte[]> files = sink.contents();
        for (String path : result.changedPaths()) {
            byte[] content = files.get(path);
            if (content != null) {
                Optional<String> wrong = OutputOracle.check(path, content);
                if (wrong.isPresent()) {
                    return wrong;
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
