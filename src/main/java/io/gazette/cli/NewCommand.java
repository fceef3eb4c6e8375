package io.gazette.cli;

import io.gazette.config.BuildOverrides;
import io.gazette.config.ConfigLoader;
import io.gazette.config.SiteConfig;
import io.gazette.problems.Problems;
import io.gazette.text.Slugs;
import io.gazette.text.VietnameseText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a new article: content/<yyyy>/<slug>.md with front matter and today's date.")
final class NewCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TITLE", description = "The article's title, e.g. \"Hội nghị tổng kết năm 2024\".")
    String title;

    @Option(names = {"-s", "--source"}, paramLabel = "DIR", description = "Project folder (default: current folder).")
    Path source = Path.of(".");

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Publication date (default: today in the site's time zone).")
    LocalDate date;

    @Option(names = "--author", description = "Author shown under the title.")
    String author = "";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String cleanTitle = VietnameseText.nfc(title).strip();
        String slug = Slugs.forTitle(cleanTitle);
        if (slug.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the title needs at least one letter or digit");
        }
        Path project = source.toAbsolutePath().normalize();
        SiteConfig config = ConfigLoader.load(project, BuildOverrides.NONE, null, new Problems());
        LocalDate day = date != null ? date : LocalDate.now(config.timeZone());
        Path file = config.contentDir().resolve(String.valueOf(day.getYear())).resolve(slug + ".md");
        String text = "---\n"
                + "title: \"" + cleanTitle.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n"
                + "date: " + day + "\n"
                + "author: \"" + VietnameseText.nfc(author).replace("\"", "\\\"") + "\"\n"
                + "tags: []\n"
                + "---\n\n";
        Files.createDirectories(file.getParent());
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            spec.commandLine().getErr().println(project.relativize(file) + ": error: file already exists\n"
                    + "    hint: choose another title, or edit the existing file");
            return GazetteCommand.CONTENT_ERRORS;
        }
        spec.commandLine().getOut().println("created " + project.relativize(file).toString().replace('\\', '/'));
        return GazetteCommand.OK;
    }
}
