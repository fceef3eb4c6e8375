package io.gazette.cli;

import io.gazette.build.BuildProgress;
import io.gazette.build.BuildResult;
import io.gazette.build.BuildStats;
import io.gazette.build.SiteBuild;
import io.gazette.problems.BuildFailedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the site into the output folder (default public/). The previous output is replaced only"
                + " when the build has no errors.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Mixin
    ReportOptions report = new ReportOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder (default: public/, or GAZETTE_OUTPUT).")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "Print only problems, no summary.")
    boolean quiet;

    @Option(names = "--timings", description = "Also print how long each stage of the pipeline took.")
    boolean timings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            SiteBuild build = SiteBuild.openWithBuildCache(
                    project.toBuildOptions(output == null ? null : output.toAbsolutePath()));
            BuildProgress progress = TerminalProgress.forTerminal(quiet);
            build.progress(progress);
            BuildResult result;
            try {
                result = build.buildToDirectory();
            } finally {
                TerminalProgress.close(progress);
            }
            ProblemPrinter.print(result.problems().sorted(), err, report.annotations());
            if (build.fullBuildReason() != null && !quiet) {
                // One line, so a CI log says why this build did not reuse its cache.
                out.println("gazette: full build: " + build.fullBuildReason());
            } else if (build.fullExportReason() != null && !quiet) {
                out.println("gazette: full search index export: " + build.fullExportReason());
            }
            if (build.relatedFullReason() != null && !quiet) {
                out.println("gazette: related articles computed for every article: " + build.relatedFullReason());
            }
            if (!quiet) {
                printSummary(result.stats(), shown(build.config().projectDir(), build.config().outputDir()), out);
            }
            if (timings) {
                if (build.relatedReport() != null) {
                    out.println("  related articles updated: " + build.relatedReport());
                }
                result.stats().stageMillis().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .forEach(e -> out.printf("  %-26s %6d ms%n", e.getKey(), e.getValue()));
                out.printf("  %-26s %6d of %d (the others from the build cache)%n", "content files parsed",
                        build.contentFilesParsed(), build.contentFiles());
                if (build.searchDocumentsRead() >= 0) {
                    out.printf("  %-26s %6d of %d (the others known unchanged by their keys)%n", "search documents read",
                            build.searchDocumentsRead(), result.stats().articles());
                }
                out.println("  " + JvmReport.describe());
                out.flush();
            }
            return GazetteCommand.OK;
        } catch (BuildFailedException e) {
            ProblemPrinter.print(e.problems(), err, report.annotations());
            return GazetteCommand.CONTENT_ERRORS;
        } catch (IOException e) {
            // Not the content's fault: a folder that cannot be created or written (exit code 3).
            err.println("gazette: error: " + Failures.describe(e));
            err.flush();
            return GazetteCommand.INTERNAL;
        }
    }

    private static Path shown(Path project, Path output) {
        return output.startsWith(project) ? project.relativize(output) : output;
    }

    /** The figures of a build; the last three count the articles it left out, and why. */
    static void printSummary(BuildStats stats, Path output, PrintWriter out) {
        String[][] rows = {
                {"Bài viết / Articles", String.valueOf(stats.articles())},
                {"Từ khóa / Tags", String.valueOf(stats.tags())},
                {"Chuyên mục / Categories", String.valueOf(stats.categories())},
                {"Trang / Pages", String.valueOf(stats.pages())},
                {"Nguồn tin / Feeds", String.valueOf(stats.feeds())},
                {"Chuyển hướng / Aliases", String.valueOf(stats.aliases())},
                {"Tệp tĩnh / Static files", String.valueOf(stats.staticFiles())},
                {"Cảnh báo / Warnings", String.valueOf(stats.warnings())},
                {"Bản nháp / Drafts", String.valueOf(stats.leftOut().drafts())},
                {"Hẹn giờ / Scheduled", String.valueOf(stats.leftOut().scheduled())},
                {"Hết hạn / Expired", String.valueOf(stats.leftOut().expired())}};
        out.println();
        for (String[] row : rows) {
            out.printf("  %-26s %8s%n", row[0], row[1]);
        }
        out.printf("%nBuilt in %d ms → %s/%n", stats.totalMillis(), output.toString().replace('\\', '/'));
        out.flush();
    }
}
