package io.gazette.render;

import io.gazette.problems.Problem;
import io.gazette.site.SiteUrls;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders the theme's Pebble templates. Autoescaping is on: a title containing {@code <script>}
 * appears as text. Every template is compiled up front so that all syntax errors of a theme are
 * reported together, before any page is written.
 */
public final class TemplateRenderer {
    private final PebbleEngine engine;
    private final Theme theme;
    private final Path shownTemplatesDir;
    private final Locale locale;

    public TemplateRenderer(Theme theme, Path shownThemeDir, SiteUrls urls, Translations translations) {
        this.theme = theme;
        this.shownTemplatesDir = shownThemeDir.resolve("templates");
        FileLoader loader = new FileLoader(theme.templates().toString());
        loader.setSuffix("");
        loader.setCharset("UTF-8");
        this.locale = Locale.forLanguageTag(translations.language());
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .strictVariables(false)
                .newLineTrimming(true)
                .defaultLocale(locale)
                .extension(new GazetteExtension(urls, translations))
                .build();
    }

    /** Compiles every template; the problems list is empty when the theme is sound. */
    public List<Problem> compileAll() throws IOException {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(theme.templates())) {
            problems.add(Problem.error(shownTemplatesDir, 0, "theme has no templates/ folder",
                    "check `theme:` in site.yml and that themes/<name>/templates/ exists"));
            return problems;
        }
        try (Stream<Path> files = Files.list(theme.templates())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".peb")).sorted().toList()) {
                try {
                    engine.getTemplate(file.getFileName().toString());
                } catch (PebbleException e) {
                    problems.add(toProblem(file.getFileName().toString(), e));
                }
            }
        }
        return problems;
    }

    public boolean exists(String template) {
        return Files.isRegularFile(theme.templates().resolve(template));
    }

    /** @throws RenderFailure naming the template file and line */
    public String render(String template, Map<String, Object> model) throws RenderFailure {
        try {
            PebbleTemplate compiled = engine.getTemplate(template);
            StringWriter out = new StringWriter(16 * 1024);
            compiled.evaluate(out, model, locale);
            return out.toString();
        } catch (PebbleException e) {
            throw new RenderFailure(toProblem(template, e));
        } catch (IOException | RuntimeException e) {
            throw new RenderFailure(Problem.error(shownTemplatesDir.resolve(template), 0,
                    "template failed: " + e, "check the template near the expressions it uses"));
        }
    }

    private Problem toProblem(String template, PebbleException e) {
        String file = e.getFileName() != null ? e.getFileName() : template;
        Path shown = shownTemplatesDir.resolve(Path.of(file).getFileName().toString());
        int line = e.getLineNumber() != null ? e.getLineNumber() : 0;
        String message = e.getPebbleMessage() != null ? e.getPebbleMessage() : e.getMessage();
        return Problem.error(shown, line, "template error: " + message,
                "fix the template; Pebble syntax: https://pebbletemplates.io/wiki/");
    }

    /** A template could not be rendered; carries the problem to report. */
    public static final class RenderFailure extends Exception {
        private final transient Problem problem;

        RenderFailure(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
