package io.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.check.BuildOutcome;
import io.gazette.check.Fixtures;
import io.gazette.check.SiteBuilder;
import io.gazette.problems.BuildFailedException;
import io.gazette.problems.Problem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckCommandTest {
    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(CheckCommand command, String... args) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    /** Checks a fixture with --site, as CI does after gazette build. */
    private int runOnSite(String fixture, String baseUrl, String... more) {
        String[] args = Stream.concat(Stream.of("--site", Fixtures.site(fixture).toString(), "--base-url", baseUrl), Stream.of(more))
                .toArray(String[]::new);
        return run(new CheckCommand(CheckCommandTest::mustNotBuild, Map.<String, String>of()::get), args);
    }

    private static BuildOutcome mustNotBuild(Path outputDir, Optional<String> baseUrl) {
        throw new AssertionError("--site must not build");
    }

    /** What check reports about problems: stderr (what it checked goes to stdout). */
    private List<String> outLines() {
        return err.toString().lines().toList();
    }

    @Test
    void cleanSiteExitsZeroWithACleanSummary() {
        assertThat(runOnSite("clean", "https://example.org/")).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "Checked 6 pages, 1 feed, 1 sitemap, 1 stylesheet and 94 links for https://example.org/.");
        assertThat(outLines()).containsExactly("0 errors, 0 warnings in 0 files");
    }

    @Test
    void brokenLinkExitsOneAndNamesFileAndLine() {
        String site = Fixtures.site("broken-link").toString();

        assertThat(runOnSite("broken-link", "https://example.org/")).isEqualTo(1);
        assertThat(outLines()).startsWith(
                site + "/index.html:11: error: link \"/2014/08/bai-khong-ton-tai/\" points to a missing file: 2014/08/bai-khong-ton-tai/index.html");
        assertThat(outLines()).last().isEqualTo("1 error, 0 warnings in 1 file");
    }

    @Test
    void eachDefectFixtureFailsAtItsFileAndLine() {
        Map<String, String> expected = Map.of(
                "missing-image", "/index.html:11: error: image ",
                "broken-srcset", "/index.html:11: error: srcset candidate ",
                "malformed-feed", "/feed.xml:12: error: malformed XML",
                "relative-feed-url", "/feed.xml:10: error: feed <link href> must be an absolute URL",
                "sitemap-missing-page", "/sitemap.xml:5: error: sitemap <loc> ",
                "duplicate-ids", "/index.html:12: error: duplicate id \"hoi-nghi\"");
        expected.forEach((fixture, line) -> {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            assertThat(runOnSite(fixture, "https://example.org/")).as(fixture).isEqualTo(1);
            assertThat(outLines()).as(fixture).anyMatch(l -> l.startsWith(Fixtures.site(fixture) + line));
        });
    }

    @Test
    void subpathSitePassesForItsBaseUrlAndRootLinkFails() {
        assertThat(runOnSite("subpath-ok", "https://host/archive/")).isZero();
        assertThat(runOnSite("subpath-root-link", "https://host/archive/")).isEqualTo(1);
        assertThat(err.toString()).contains("subpath-root-link/index.html:11: error: link \"/2014/08/bai-viet/\" points outside the site");
    }

    @Test
    void reportIsGroupedByFileInOrder() {
        assertThat(runOnSite("invalid-html", "https://example.org/")).isEqualTo(1);

        List<String> locations = outLines().stream().filter(l -> l.contains(": error: ")).toList();
        assertThat(locations.get(0)).contains("invalid-html/404.html:10:");
        assertThat(locations.get(locations.size() - 1)).contains("invalid-html/index.html:");
        int lastOf404 = outLines().indexOf(outLines().stream().filter(l -> l.contains("404.html:")).reduce((a, b) -> b).orElseThrow());
        // the hint of the last 404.html problem, then a blank line between the two files
        assertThat(outLines().get(lastOf404 + 2)).isEmpty();
        assertThat(outLines().get(lastOf404 + 3)).contains("invalid-html/index.html:2: error: the <html> element has no lang attribute");
    }

    @Test
    void warningsPassUnlessWarningsAreErrors() {
        assertThat(runOnSite("fragment-warning", "https://example.org/")).isZero();
        assertThat(outLines()).last().isEqualTo("0 errors, 3 warnings in 1 file");
        assertThat(runOnSite("fragment-warning", "https://example.org/", "--warnings-as-errors")).isEqualTo(1);
    }

    @Test
    void baseUrlComesFromTheEnvironmentWhenNotGiven() {
        CheckCommand command = new CheckCommand(CheckCommandTest::mustNotBuild, Map.of("GAZETTE_BASE_URL", "https://host/archive/")::get);

        assertThat(run(command, "--site", Fixtures.site("subpath-ok").toString())).isZero();
        assertThat(out.toString()).contains("for https://host/archive/.");
    }

    @Test
    void usageErrorsExitTwo() {
        CheckCommand noEnvironment = new CheckCommand(CheckCommandTest::mustNotBuild, Map.<String, String>of()::get);
        assertThat(run(noEnvironment, "--site", Fixtures.site("clean").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--base-url");

        assertThat(runOnSite("clean", "example.org")).isEqualTo(2);
        assertThat(err.toString()).contains("must be absolute");

        assertThat(run(new CheckCommand(), "--site", "does/not/exist", "--base-url", "https://example.org/")).isEqualTo(2);
        assertThat(run(new CheckCommand(), "--no-such-option")).isEqualTo(2);
        assertThat(out.toString()).doesNotContain("errors,");
    }

    @Test
    void buildProblemsAndSiteProblemsAreReportedTogether() {
        Path content = Path.of("content/2014/the-rong-trong-danh-sach.md");
        AtomicReference<Path> builtInto = new AtomicReference<>();
        AtomicReference<Optional<String>> override = new AtomicReference<>();
        SiteBuilder builder = (outputDir, baseUrl) -> {
            builtInto.set(outputDir);
            override.set(baseUrl);
            io.gazette.build.TestSites.copyTree(Fixtures.site("broken-link"), outputDir);
            return new BuildOutcome("https://example.org/",
                    List.of(Problem.warning(content, 7, "unknown front matter key \"tittle\"", "did you mean \"title\"?")),
                    Path.of("public"));
        };

        int exit = run(new CheckCommand(builder, Map.<String, String>of()::get), "--base-url", "https://example.org/");

        assertThat(exit).isEqualTo(1);
        assertThat(override.get()).contains("https://example.org/");
        assertThat(outLines()).containsExactly(
                "content/2014/the-rong-trong-danh-sach.md:7: warning: unknown front matter key \"tittle\"",
                "    hint: did you mean \"title\"?",
                "",
                "public/index.html:11: error: link \"/2014/08/bai-khong-ton-tai/\" points to a missing file: 2014/08/bai-khong-ton-tai/index.html",
                "    hint: check the spelling; a page that is a draft or dated in the future is not built",
                "",
                "1 error, 1 warning in 2 files");
        assertThat(out.toString().lines())
                .containsExactly("Checked 3 pages, 0 feeds, 0 sitemaps, 0 stylesheets and 3 links for https://example.org/.");
        assertThat(builtInto.get()).doesNotExist();
    }

    @Test
    void failedBuildIsReportedWithoutCheckingASite() {
        Path content = Path.of("content/2014/the-rong-trong-ngoac.md");
        SiteBuilder builder = (outputDir, baseUrl) -> {
            throw new BuildFailedException(List.of(Problem.error(content, 4, "empty tag", "remove it or give it a name")));
        };

        int exit = run(new CheckCommand(builder, Map.<String, String>of()::get));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("The build failed");
        assertThat(outLines()).containsExactly(
                "The build failed; the site was not checked.",
                "content/2014/the-rong-trong-ngoac.md:4: error: empty tag",
                "    hint: remove it or give it a name",
                "",
                "1 error, 0 warnings in 1 file");
    }

    @Test
    void checkBuildsTheProjectAndPassesACleanSite() {
        System.setProperty("gazette.home", io.gazette.build.TestSites.projectRoot().toString());
        try {
            int code = run(new CheckCommand(), "-s", io.gazette.build.TestSites.fresh("basic", temp).toString(),
                    "--base-url", "https://example.org/");
            assertThat(code).as(out + "\n" + err).isZero();
            assertThat(err.toString()).contains("0 errors");
        } finally {
            System.clearProperty("gazette.home");
        }
    }

    @Test
    void checkReportsContentErrorsFromTheBuildWithFileAndLine() {
        System.setProperty("gazette.home", io.gazette.build.TestSites.projectRoot().toString());
        try {
            Path project = io.gazette.build.TestSites.projectRoot()
                    .resolve("src/test/resources/check/project-with-content-errors");
            assertThat(run(new CheckCommand(), "-s", project.toString())).isEqualTo(1);
            assertThat(out.toString() + err).contains("the-rong-trong-ngoac.md", ":4", "empty tag")
                    .contains("the-rong-trong-danh-sach.md", ":6").contains(":7", "`tittle`");
        } finally {
            System.clearProperty("gazette.home");
        }
    }
}
