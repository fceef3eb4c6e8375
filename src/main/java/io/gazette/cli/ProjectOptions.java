package io.gazette.cli;

import io.gazette.build.BuildOptions;
import io.gazette.config.BuildOverrides;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options shared by every command that builds the site. */
final class ProjectOptions {
    @Option(names = {"-s", "--source"}, paramLabel = "DIR", description = "Project folder with site.yml and content/ (default: current folder).")
    Path source = Path.of(".");

    @Option(names = "--drafts", description = "Include articles marked `draft: true`.")
    boolean drafts;

    @Option(names = "--future", description = "Include articles dated in the future.")
    boolean future;

    @Option(names = "--base-url", paramLabel = "URL", description = "Absolute URL the site is published at (overrides site.yml and GAZETTE_BASE_URL), e.g. https://example.org/archive/.")
    String baseUrl;

    @Option(names = "--as-of", paramLabel = "TIME", converter = AsOf.Converter.class,
            description = "Build the site as it is at this time (default: now, or GAZETTE_AS_OF): articles dated later"
                    + " and those expired by then are left out. " + AsOf.FORM + ".")
    Instant asOf;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    BuildOptions toBuildOptions(Path outputOverride) {
        BuildOverrides cli = new BuildOverrides(baseUrl, outputOverride, drafts ? Boolean.TRUE : null,
                future ? Boolean.TRUE : null);
        BuildOverrides overrides = cli.over(BuildOverrides.fromEnvironment(System.getenv()));
        try {
            return new BuildOptions(source.toAbsolutePath().normalize(), overrides, themeFallback(),
                    AsOf.clock(asOf, System::getenv));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * Themes shipped with Gazette, used when the project has no {@code themes/<name>/} of its own:
     * from a checkout, ./gazette passes its folder as {@code gazette.home} (so editing
     * {@code themes/default} shows at once); the runnable jar carries them inside.
     */
    static Path themeFallback() {
        String home = System.getProperty("gazette.home");
        if (home != null) {
            return Path.of(home).resolve("themes");
        }
        try {
            return BundledThemes.directory();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not unpack the default theme: " + e.getMessage(), e);
        }
    }
}
