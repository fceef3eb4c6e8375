package io.gazette.cli;

import io.gazette.output.TreeDeletion;
import io.gazette.build.BuildOptions;
import io.gazette.build.BuildResult;
import io.gazette.build.SourceMap;
import io.gazette.check.MarkdownLocations;
import io.gazette.build.SiteBuild;
import io.gazette.check.BaseUrl;
import io.gazette.config.BuildOverrides;
import java.time.Clock;
import io.gazette.check.BuildOutcome;
import io.gazette.check.CheckOptions;
import io.gazette.check.CheckResult;
import io.gazette.check.ProblemReport;
import io.gazette.check.SiteBuilder;
import io.gazette.check.SiteChecker;
import io.gazette.problems.BuildFailedException;
import io.gazette.problems.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gazette check}: builds the site into a temporary directory the way it will be published
 * and checks the result, or checks an already built directory with {@code --site}.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {
            "Build the site into a temporary directory and check it before publishing.",
            "",
            "Every internal link, image, srcset, stylesheet and script must name a file",
            "of the site; feeds and the sitemap must be well-formed, with absolute URLs;",
            "pages must be valid HTML (ids, alt, lang, title, nesting). Problems the",
            "build finds in the content are reported too, by file and line.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no errors",
            "1:errors found (or warnings, with --warnings-as-errors)",
            "2:usage error",
            "3:a file or folder could not be read or written"})
public final class CheckCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int PROBLEMS = 1;
    static final String BASE_URL_VARIABLE = "GAZETTE_BASE_URL";

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    ReportOptions reporting = new ReportOptions();

    @Option(names = "--site", paramLabel = "DIR",
            description = "Check this already built site instead of building one (e.g. public after gazette build).")
    Path site;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "URL the site is published at, e.g. https://example.org/archive/. "
                    + "Default: $" + BASE_URL_VARIABLE + ", then baseUrl from site.yml (when building).")
    String baseUrl;

    @Option(names = "--external", description = "Also check links to other sites (needs the network; slow).")
    boolean external;

    @Option(names = "--external-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Give up on an external link after this many seconds (default: ${DEFAULT-VALUE}).")
    int externalTimeoutSeconds;

    @Option(names = {"-W", "--warnings-as-errors"}, description = "Exit with 1 when there are warnings too.")
    boolean warningsAsErrors;

    @Option(names = "--as-of", paramLabel = "TIME", converter = AsOf.Converter.class,
            description = "Build and check the site as it is at this time (default: now, or GAZETTE_AS_OF). "
                    + AsOf.FORM + ".")
    java.time.Instant asOf;

    private final SiteBuilder builder;
    private final Function<String, String> environment;

    @Option(names = {"-s", "--source"}, paramLabel = "DIR",
            description = "Project folder with site.yml and content/ (default: current folder).")
    Path source = Path.of(".");

    /** The command as registered by {@code GazetteCommand}: builds the project as {@code gazette build} would. */
    public CheckCommand() {
        this.builder = this::buildProject;
        this.environment = System::getenv;
    }

    public CheckCommand(SiteBuilder builder) {
        this(builder, System::getenv);
    }

    /** {@code environment} stands in for {@link System#getenv(String)} so tests control it. */
    public CheckCommand(SiteBuilder builder, Function<String, String> environment) {
        this.builder = builder;
        this.environment = environment;
    }

    /** The published configuration: no drafts or future articles unless the environment asks for them. */
    private BuildOutcome buildProject(Path outputDir, Optional<String> baseUrlOverride)
            throws BuildFailedException, IOException {
        BuildOverrides cli = new BuildOverrides(baseUrlOverride.orElse(null), outputDir, null, null);
        BuildOverrides overrides = cli.over(BuildOverrides.fromEnvironment(System.getenv()));
        Clock clock;
        try {
            clock = AsOf.clock(asOf, environment);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        SiteBuild build = SiteBuild.open(new BuildOptions(source.toAbsolutePath().normalize(), overrides,
                ProjectOptions.themeFallback(), clock));
        BuildResult result = build.buildToDirectory();
        return new BuildOutcome(build.config().baseUrl(), result.problems().sorted(), Path.of("public"));
    }

    @Override
    public Integer call() {
        if (externalTimeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--external-timeout must be a positive number of seconds");
        }
        CheckOptions options = new CheckOptions(external, Duration.ofSeconds(externalTimeoutSeconds));
        try {
            return site != null ? checkBuiltSite(options) : buildAndCheck(options);
        } catch (IOException e) {
            // A file that cannot be read is not the content's fault: say which, in one line (exit 3).
            spec.commandLine().getErr().println("gazette: error: " + Failures.describe(e));
            spec.commandLine().getErr().flush();
            return GazetteCommand.INTERNAL;
        }
    }

    private int checkBuiltSite(CheckOptions options) throws IOException {
        if (!Files.isDirectory(site)) {
            throw new ParameterException(spec.commandLine(), "--site " + site + ": no such directory (run gazette build first?)");
        }
        String url = baseUrl != null ? baseUrl : environment.apply(BASE_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new ParameterException(spec.commandLine(),
                    "--site needs the URL the site is published at: give --base-url URL or set " + BASE_URL_VARIABLE);
        }
        BaseUrl base = parseBaseUrl(url);
        CheckResult result = new SiteChecker(options).check(site, base);
        return report(located(result.problems(), site, site, base), result, base);
    }

    private int buildAndCheck(CheckOptions options) throws IOException {
        if (baseUrl != null) {
            parseBaseUrl(baseUrl);
        }
        Path temporary = Files.createTempDirectory("gazette-check-");
        try {
            BuildOutcome outcome;
            try {
                outcome = builder.build(temporary, Optional.ofNullable(baseUrl));
            } catch (BuildFailedException e) {
                spec.commandLine().getErr().println("The build failed; the site was not checked.");
                return report(e.problems(), null, null);
            }
            BaseUrl base = parseBaseUrl(outcome.baseUrl());
            CheckResult result = new SiteChecker(options).check(temporary, base);
            List<Problem> all = new ArrayList<>(outcome.problems());
            all.addAll(located(result.problems(), temporary, outcome.outputLabel(), base));
            return report(all, result, base);
        } finally {
            TreeDeletion.delete(temporary);
            SourceMap.delete(source.toAbsolutePath().normalize(), temporary);
        }
    }

    /**
     * Problems of the site in {@code siteDir} shown under {@code label}; those in an article page
     * at the Markdown line where the link was written, when the build left its source map.
     */
    private List<Problem> located(List<Problem> problems, Path siteDir, Path label, BaseUrl base) {
        Path project = source.toAbsolutePath().normalize();
        return SourceMap.read(project, siteDir)
                .map(map -> new MarkdownLocations(map, project, base.path()).relocate(problems, label))
                .orElseGet(() -> ProblemReport.under(label, problems));
    }

    private BaseUrl parseBaseUrl(String url) {
        try {
            return BaseUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Problems and their count on stderr (with annotations in CI), what was checked on stdout. */
    private int report(List<Problem> problems, CheckResult result, BaseUrl base) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProblemReport.Summary summary = ProblemReport.print(problems, err);
        GitHubAnnotations annotations = reporting.annotations();
        if (annotations != null) {
            annotations.print(problems, err);
        }
        if (result != null) {
            String scope = result.describeScope();
            out.println(Character.toUpperCase(scope.charAt(0)) + scope.substring(1) + " for " + base + ".");
            out.flush();
        }
        err.println(summary.line());
        err.flush();
        boolean failed = summary.errors() > 0 || warningsAsErrors && summary.warnings() > 0;
        return failed ? PROBLEMS : OK;
    }
}
