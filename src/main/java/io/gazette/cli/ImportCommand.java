package io.gazette.cli;

import io.gazette.legacy.ImportOutcome;
import io.gazette.legacy.ImportRun;
import io.gazette.legacy.ImportSettings;
import io.gazette.legacy.TagRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gazette import}: migrates pages saved from the old website into {@code content/}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {
            "Imports articles saved from the old website (text exports or HTML pages) into the content folder:"
                    + " one Markdown article with front matter per page, at <into>/<yyyy>/<slug>.md.",
            "Pages already imported are skipped unless --force. Each page is reported as imported, skipped"
                    + " or failed; exit status 1 if any failed, 2 on usage errors."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every page imported or skipped", "1:some page failed", "2:usage error"})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Pages to import: .txt or .html files, or folders searched for them.")
    List<Path> paths;

    @Option(names = "--into", paramLabel = "DIR", defaultValue = "content",
            description = "Content folder to write into (default: ${DEFAULT-VALUE}).")
    Path into;

    @Option(names = "--dry-run", description = "Print the Markdown instead of writing files.")
    boolean dryRun;

    @Option(names = "--force", description = "Overwrite articles that already exist.")
    boolean force;

    @Option(names = "--category", paramLabel = "NAME",
            description = "Category for every imported article; without it, the page's breadcrumb"
                    + " (Trang chủ » ...) is used when it has one.")
    String category;

    @Option(names = "--alias-base", paramLabel = "URL",
            description = "Where the old site served these pages (http(s) URL or /path); records"
                    + " URL + the page's path below the imported folder in the article's aliases.")
    String aliasBase;

    @Option(names = "--tag-rules", paramLabel = "FILE",
            description = "YAML file of tag rules: topics (list), minTopicMentions, organisationHeads (list),"
                    + " minOrganisationMentions, maxTags; keys left out keep the built-in values.")
    Path tagRules;

    @Option(names = "--explain-tags", description = "Report why each tag was suggested.")
    boolean explainTags;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            return usageError(err, e.getMessage());
        }
        if (Files.exists(into) && !Files.isDirectory(into)) {
            return usageError(err, "--into " + into + " is not a folder");
        }
        // With --dry-run, stdout carries only the Markdown, so it can be piped; the report goes to stderr.
        PrintWriter report = dryRun ? err : out;
        List<ImportOutcome> outcomes = new ImportRun(settings, into, force, dryRun).run(paths, outcome -> {
            if (dryRun && outcome.markdown() != null) {
                out.print(outcome.markdown());
                out.flush();
            }
            (outcome.status() == ImportOutcome.Status.FAILED ? err : report).println(outcome.reportLine());
            for (String warning : outcome.warnings()) {
                err.println("  warning: " + warning);
            }
            if (explainTags && !outcome.tags().isEmpty()) {
                report.println("  tags: " + outcome.tags().stream().map(Object::toString)
                        .collect(Collectors.joining(", ")));
            }
            report.flush();
            err.flush();
        });
        return outcomes.stream().anyMatch(o -> o.status() == ImportOutcome.Status.FAILED) ? 1 : 0;
    }

    /** Options picocli cannot check on its own; reported like its own usage errors (exit 2). */
    private ImportSettings settings() {
        TagRules rules;
        if (tagRules == null) {
            rules = TagRules.defaults();
        } else {
            try {
                rules = TagRules.load(tagRules);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --tag-rules " + tagRules + ": " + e.getMessage(), e);
            }
        }
        return new ImportSettings(category, aliasBase, rules, siteDefaultCategory());
    }

    /**
     * {@code import: category: …} in the project's site.yml (the folder above {@code --into}): the
     * section the old site's pages belonged to, for pages that carry no breadcrumb of their own.
     */
    private String siteDefaultCategory() {
        Path project = into.toAbsolutePath().normalize().getParent();
        if (project == null || !Files.isRegularFile(project.resolve(io.gazette.config.ConfigLoader.FILE_NAME))) {
            return null;
        }
        try {
            // The same reading of site.yml as the build's; its problems are the build's to report.
            return io.gazette.config.ConfigLoader.load(project, io.gazette.config.BuildOverrides.NONE, null,
                    new io.gazette.problems.Problems()).importCategory();
        } catch (IOException e) {
            return null;
        }
    }

    private int usageError(PrintWriter err, String message) {
        err.println(message);
        spec.commandLine().usage(err);
        err.flush();
        return spec.exitCodeOnInvalidInput();
    }
}
