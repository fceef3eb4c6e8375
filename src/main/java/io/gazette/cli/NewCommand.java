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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a new draft article: content/<yyyy>/<slug>.md (or <slug>/index.md with --bundle) with"
                + " front matter, today's date and `draft: true`; remove that line to publish it.")
final class NewCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TITLE", description = "The article's title, e.g. \"Hội nghị tổng kết năm 2024\".")
    String title;

    @Option(names = {"-s", "--source"}, paramLabel = "DIR", description = "Project folder (default: current folder).")
    Path source = Path.of(".");

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Publication date (default: today in the site's time zone).")
    LocalDate date;

    @Option(names = "--author", description = "Author shown under the title.")
    String author = "";

    @Option(names = "--bundle", description = "Create a folder for the article, content/<yyyy>/<slug>/index.md, to put"
            + " its photos and documents beside it.")
    boolean bundle;

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
        Path year = config.contentDir().resolve(String.valueOf(day.getYear()));
        Path file = bundle ? year.resolve(slug).resolve("index.md") : year.resolve(slug + ".md");
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("title", cleanTitle);
        front.put("date", day);
        front.put("author", VietnameseText.nfc(author).strip());
        front.put("tags", List.of());
        front.put("draft", true);
        String text = "---\n" + frontMatter(front) + "---\n\n";
        Files.createDirectories(file.getParent());
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            spec.commandLine().getErr().println(project.relativize(file) + ": error: file already exists\n"
                    + "    hint: choose another title, or edit the existing file");
            return GazetteCommand.CONTENT_ERRORS;
        }
        spec.commandLine().getOut().println("created " + project.relativize(file).toString().replace('\\', '/')
                + " (a draft: remove `draft: true` to publish it)");
        return GazetteCommand.OK;
    }

    /**
     * The front matter written by SnakeYAML, the library that reads it back, so that any title or
     * author (quotes, backslashes, a leading `@`, a colon) round-trips; block style, one key a line.
     */
    static String frontMatter(Map<String, Object> front) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(new DateRepresenter(options), options).dump(front);
    }

    /** A {@link LocalDate} as a plain YAML date (2024-01-31), not a quoted string or a Java object. */
    private static final class DateRepresenter extends Representer {
        DateRepresenter(DumperOptions options) {
            super(options);
            representers.put(LocalDate.class, data -> representScalar(Tag.TIMESTAMP, data.toString(),
                    DumperOptions.ScalarStyle.PLAIN));
        }
    }
}
