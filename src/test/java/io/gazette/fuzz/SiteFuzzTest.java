package io.gazette.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.build.TestSites;
import io.gazette.cli.GazetteCommand;
import io.gazette.output.TreeDeletion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import net.jqwik.api.RandomGenerator;

/**
 * Whole-site builds through the command line, {@code gazette build}, from generated
 * {@code site.yml}, articles, mutated theme templates and imported legacy pages: exit 0 with every
 * HTML, XML and JSON file well-formed (when the theme is the default one; a mutated template may
 * write any markup it likes), or exit 1 with errors naming a file; never exit 2, a stack trace, a
 * hang, or a file written outside the output folder.
 *
 * <p>{@code -Dgazette.fuzz.sites=N} sets the number of builds (default 40); the seed is
 * {@code -Dgazette.fuzz.seed}.
 */
class SiteFuzzTest {
    private static final int SITES = Integer.getInteger("gazette.fuzz.sites", 40);
    private static final long SEED = Long.getLong("gazette.fuzz.seed", 20140818L);
    static final Path SITE_REGRESSIONS = SingleInputFuzzTest.REGRESSIONS.resolve("sites");

    @Example
    void everyBuildEndsInAValidSiteOrInLocatedErrors() throws Exception {
        Path temp = Files.createTempDirectory("gazette-site-fuzz-");
        String previousHome = System.getProperty("gazette.home");
        System.setProperty("gazette.home", TestSites.projectRoot().toString());
        ExecutorService worker = Executors.newSingleThreadExecutor();
        FuzzFailures failures = new FuzzFailures("site");
        long start = System.nanoTime();
        int built = 0;
        int succeeded = 0;
        try {
            Random random = new Random(SEED);
            RandomGenerator<String> siteYml = FuzzInputs.siteYml().generator(100);
            RandomGenerator<byte[]> articles = FuzzInputs.articleBytes().generator(1000);
            RandomGenerator<String> legacy = FuzzInputs.legacyPage().generator(1000);
            Path themeTemplates = TestSites.themes().resolve("default/templates");
            List<Path> templates;
            try (Stream<Path> files = Files.list(themeTemplates)) {
                templates = files.filter(Files::isRegularFile).sorted().toList(); // not the embeds/ folder
            }
            for (int i = 0; i < SITES && failures.all().size() < 10; i++) {
                SiteCase site = new SiteCase();
                String yml = siteYml.next(random).value();
                boolean mutatedTheme = random.nextInt(4) == 0 && !yml.contains("theme:");
                byte[] template = null;
                String templateName = null;
                if (mutatedTheme) {
                    Path original = templates.get(random.nextInt(templates.size()));
                    templateName = original.getFileName().toString();
                    template = FuzzInputs.mutateTemplate(Files.readString(original), random).getBytes(StandardCharsets.UTF_8);
                    yml += "theme: fuzz\n";
                }
                site.add("site.yml", yml.getBytes(StandardCharsets.UTF_8)); // lone surrogates become ?
                if (mutatedTheme) {
                    site.add("themes/fuzz/templates/" + templateName, template);
                }
                int count = random.nextInt(5);
                for (int a = 0; a < count; a++) {
                    site.add("content/" + (2014 + a % 2) + "/bai-" + a + ".md", articles.next(random).value());
                }
                if (random.nextInt(5) == 0) {
                    String page = legacy.next(random).value();
                    site.add("old/trang-" + i + (random.nextBoolean() ? ".html" : ".txt"), page.getBytes(StandardCharsets.UTF_8));
                }
                Path sandbox = temp.resolve("case-" + i);
                CaseResult result = runCase(worker, sandbox, site);
                built += result.built() ? 1 : 0;
                succeeded += result.producedSite() ? 1 : 0;
                result.wrong().ifPresent(what -> failures.add(what, site.describe(), ".txt"));
                TreeDeletion.delete(sandbox);
            }
        } finally {
            worker.shutdownNow();
            restoreHome(previousHome);
            TreeDeletion.delete(temp);
        }
        System.out.printf("fuzz: %,d whole-site builds (seed %d, %d built a site) in %d s, %d failures%n", built, SEED,
                succeeded, (System.nanoTime() - start) / 1_000_000_000, failures.all().size());
        assertThat(failures.all()).isEmpty();
    }

    /** Every whole-site input that once failed, kept as a fixture in {@code regressions/sites/}, passes. */
    @Example
    void everySiteRegressionFixturePasses() throws Exception {
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(SITE_REGRESSIONS)) {
            fixtures = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(fixtures).isNotEmpty();
        Path temp = Files.createTempDirectory("gazette-site-regressions-");
        String previousHome = System.getProperty("gazette.home");
        System.setProperty("gazette.home", TestSites.projectRoot().toString());
        ExecutorService worker = Executors.newSingleThreadExecutor();
        List<String> failed = new ArrayList<>();
        try {
            for (Path fixture : fixtures) {
                SiteCase site = SiteCase.parse(Files.readString(fixture));
                Path sandbox = temp.resolve(fixture.getFileName().toString());
                runCase(worker, sandbox, site).wrong().ifPresent(what -> failed.add(fixture.getFileName() + ": " + what));
            }
        } finally {
            worker.shutdownNow();
            restoreHome(previousHome);
            TreeDeletion.delete(temp);
        }
        assertThat(failed).isEmpty();
    }

    /** What one case did: whether the build ran, whether it produced a site, what was wrong. */
    record CaseResult(boolean built, boolean producedSite, Optional<String> wrong) {
    }

    /** Writes the case into {@code sandbox/a/b/project}, imports its legacy page, builds and judges. */
    static CaseResult runCase(ExecutorService worker, Path sandbox, SiteCase site) throws Exception {
        Path project = Files.createDirectories(sandbox.resolve("a/b/project"));
        site.writeInto(project);
        Optional<String> legacyPage = site.legacyPage();
        if (legacyPage.isPresent()) {
            Optional<String> imported = run(worker, List.of("import", project.resolve(legacyPage.get()).toString(), "--into",
                    project.resolve("content").toString()), false);
            if (imported.isPresent()) {
                return new CaseResult(false, false, Optional.of("import: " + imported.get()));
            }
        }
        Map<String, Long> outside = filesOutsideOutput(sandbox, project);
        Optional<String> wrong = run(worker, List.of("build", "--quiet", "-s", project.toString()), !site.mutatedTheme());
        if (wrong.isEmpty()) {
            Map<String, Long> after = filesOutsideOutput(sandbox, project);
            if (!after.equals(outside)) {
                wrong = Optional.of("files outside the output changed: " + diff(outside, after));
            }
        }
        if (wrong.isEmpty()) {
            wrong = checkOutput(project);
        }
        return new CaseResult(true, wrong.isEmpty() && Files.isDirectory(project.resolve("public")), wrong);
    }

    private static void restoreHome(String previousHome) {
        if (previousHome == null) {
            System.clearProperty("gazette.home");
        } else {
            System.setProperty("gazette.home", previousHome);
        }
    }

    /** Runs one command line; empty when it ended as a command should. */
    private static Optional<String> run(ExecutorService worker, List<String> args, boolean strict) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Future<Integer> exit = worker.submit(() -> GazetteCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(String[]::new)));
        int code;
        try {
            code = exit.get(ArticleSession.HANG_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return Optional.of("hang: " + args.get(0) + " did not end in " + ArticleSession.HANG_SECONDS + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            return Optional.of("uncaught exception: " + FuzzFailures.trace(e.getCause()));
        }
        String console = out + "\n" + err;
        if (OutputOracle.showsUncaughtException(console)) {
            return Optional.of("exception on the console (exit " + code + "):\n" + console);
        }
        if (code != GazetteCommand.OK && code != GazetteCommand.CONTENT_ERRORS) {
            return Optional.of("exit " + code + ":\n" + console);
        }
        List<String> unlocated = OutputOracle.unlocatedErrors(err.toString());
        if (strict && !unlocated.isEmpty()) {
            return Optional.of("errors naming no file: " + unlocated);
        }
        return Optional.empty();
    }

    private static Optional<String> checkOutput(Path project) throws Exception {
        Path output = project.resolve("public");
        if (!Files.isDirectory(output)) {
            return Optional.empty();
        }
        boolean defaultTheme = !Files.isDirectory(project.resolve("themes/fuzz"));
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.toList()) {
                if (Files.isSymbolicLink(file)) {
                    return Optional.of("symbolic link in the output: " + output.relativize(file));
                }
                if (!Files.isRegularFile(file) || !defaultTheme && file.toString().endsWith(".html")) {
                    continue;
                }
                Optional<String> wrong = OutputOracle.check(output.relativize(file).toString(), Files.readAllBytes(file));
                if (wrong.isPresent()) {
                    return wrong;
                }
            }
        }
        return Optional.empty();
    }

    /** Every file in the sandbox but the output, the cache and the lock: path → size. */
    private static Map<String, Long> filesOutsideOutput(Path sandbox, Path project) throws Exception {
        Map<String, Long> files = new TreeMap<>();
        Path output = project.resolve("public");
        for (String line : Files.readAllLines(project.resolve("site.yml"), StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("output: ") && !line.contains("\u0000")) {
                try {
                    output = project.resolve(line.substring(8).strip()).normalize(); // the output site.yml chose
                } catch (java.nio.file.InvalidPathException e) {
                    // not a path: the build refuses it
                }
            }
        }
        try (Stream<Path> walk = Files.walk(sandbox)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path relative = project.relativize(file);
                String first = relative.getNameCount() > 0 ? relative.getName(0).toString() : "";
                if (file.startsWith(project) && (first.equals("public") || first.equals(".gazette"))
                        || file.startsWith(output) || file.getFileName().toString().matches("\\.[^/]+\\.lock")) {
                    continue; // the output, the cache, the lock file beside the output
                }
                files.put(sandbox.relativize(file).toString(), Files.size(file));
            }
        }
        return files;
    }

    private static String diff(Map<String, Long> before, Map<String, Long> after) {
        List<String> changes = new ArrayList<>();
        after.forEach((file, size) -> {
            if (!size.equals(before.get(file))) {
                changes.add(file);
            }
        });
        before.keySet().stream().filter(f -> !after.containsKey(f)).forEach(f -> changes.add("-" + f));
        return changes.toString();
    }
}
