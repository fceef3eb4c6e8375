package io.gazette.render;

import io.gazette.problems.Problem;
import io.gazette.site.SiteUrls;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Renders the theme's Pebble templates. Autoescaping is on: a title containing {@code <script>}
 * appears as text. Every template is compiled up front so that all syntax errors of a theme are
 * reported together, before any page is written.
 */
public final class TemplateRenderer {
    /** {@code {% extends "parent.peb" %}} with a literal name; group 2 is the name. */
    private static final java.util.regex.Pattern EXTENDS =
            java.util.regex.Pattern.compile("\\{%-?\\s*extends\\s+([\"'])([^\"'\\n]+)\\1\\s*-?%}");
    private final PebbleEngine engine;
    private final Theme theme;
    private final Path shownTemplatesDir;
    private final Locale locale;
    /** Each thread's page writer, kept from page to page: its buffers grow to the largest page once. */
    private final ThreadLocal<Utf8PageWriter> pageWriters = ThreadLocal.withInitial(() -> new Utf8PageWriter(16 * 1024));
    /** What the theme's {@code {% cache %}} blocks keep, for one generation ({@link GenerationTagCache}). */
    private final GenerationTagCache cachedBlocks;

    public TemplateRenderer(Theme theme, Path shownThemeDir, SiteUrls urls, Translations translations) {
        this(theme, shownThemeDir, urls, translations, GenerationTagCache.sizedForHeap());
    }

    /** With {@code cachedBlocks} keeping the theme's {@code {% cache %}} blocks (tests give one that keeps none). */
    TemplateRenderer(Theme theme, Path shownThemeDir, SiteUrls urls, Translations translations,
            GenerationTagCache cachedBlocks) {
        this.cachedBlocks = cachedBlocks;
        this.theme = theme;
        this.shownTemplatesDir = shownThemeDir.resolve("templates");
        FileLoader loader = new RelativePathsOnce(theme.templates().toString());
        loader.setSuffix("");
        loader.setCharset("UTF-8");
        this.locale = Locale.forLanguageTag(translations.language());
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                // the same text as Pebble's own html strategy, made faster (HtmlEscaping says why)
                .addEscapingStrategy("html", new HtmlEscaping())
                .strictVariables(false)
                .newLineTrimming(true)
                .defaultLocale(locale)
                .tagCache(cachedBlocks)
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
        List<Path> templates;
        try (Stream<Path> files = Files.list(theme.templates())) {
            templates = files.filter(f -> f.toString().endsWith(".peb")).sorted().toList();
        }
        for (Path file : templates) {
            try {
                engine.getTemplate(file.getFileName().toString());
            } catch (PebbleException e) {
                problems.add(toProblem(file.getFileName().toString(), e));
            } catch (RuntimeException e) {
                // Pebble's lexer fails with an index error on some unclosed expressions at the end
                // of a file (long fuzz run, seed 21): still the template's fault, not the build's.
                problems.add(Problem.error(shownTemplatesDir.resolve(file.getFileName().toString()), 0,
                        "template cannot be read: " + e.getMessage(),
                        "look for an unclosed {{ … }}, {% … %} or string; Pebble syntax: https://pebbletemplates.io/wiki/"));
            }
        }
        problems.addAll(extendsCycles(templates));
        return problems;
    }

    /**
     * Templates whose {@code {% extends "…" %}} lead back to themselves: Pebble would look a block
     * up from parent to parent without end and overflow the stack on the first page. Only literal
     * names are followed; a computed parent that loops is caught when rendering.
     */
    private List<Problem> extendsCycles(List<Path> templates) throws IOException {
        Map<String, List<Map.Entry<String, Integer>>> parents = new java.util.TreeMap<>();
        for (Path file : templates) {
            String text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            List<Map.Entry<String, Integer>> found = new ArrayList<>();
            java.util.regex.Matcher m = EXTENDS.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                found.add(Map.entry(m.group(2), line));
            }
            parents.put(file.getFileName().toString(), found);
        }
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, List<Map.Entry<String, Integer>>> template : parents.entrySet()) {
            for (Map.Entry<String, Integer> parent : template.getValue()) {
                List<String> chain = new ArrayList<>(List.of(template.getKey()));
                if (leadsBack(template.getKey(), parent.getKey(), parents, chain)) {
                    problems.add(Problem.error(shownTemplatesDir.resolve(template.getKey()), parent.getValue(),
                            "template extends itself: " + String.join(" → ", chain),
                            "a template extends a parent that does not extend it back; "
                                    + "use {% include %} or remove this {% extends %}"));
                }
            }
        }
        return problems;
    }

    /** Whether following {@code next}'s parents reaches {@code start}; {@code chain} then holds the path. */
    private static boolean leadsBack(String start, String next, Map<String, List<Map.Entry<String, Integer>>> parents,
            List<String> chain) {
        if (next.equals(start)) {
            chain.add(next);
            return true;
        }
        if (chain.contains(next)) {
            return false; // a loop that does not pass through start: reported from its own templates
        }
        chain.add(next);
        for (Map.Entry<String, Integer> parent : parents.getOrDefault(next, List.of())) {
            if (leadsBack(start, parent.getKey(), parents, chain)) {
                return true;
            }
        }
        chain.remove(chain.size() - 1);
        return false;
    }

    /**
     * Forgets what the theme's {@code {% cache key %}} blocks kept: a key is valid within one
     * generation of the site (an article's URL names the same card until the model changes).
     * Called after every generation's pages are rendered.
     */
    public void forgetCachedBlocks() {
        cachedBlocks.forget();
    }

    public boolean exists(String template) {
        return Files.isRegularFile(theme.templates().resolve(template));
    }

    /** @throws RenderFailure naming the template file and line */
    public String render(String template, Map<String, Object> model) throws RenderFailure {
        return evaluate(template, model).toString();
    }

    /**
     * Renders the page and hands it to {@code out} in UTF-8: the same bytes as
     * {@code render(…).getBytes(UTF_8)}, without the two copies of the page those make. The bytes
     * are in a buffer this thread uses for its next page: {@code out} writes them or copies them.
     *
     * @throws RenderFailure naming the template file and line
     */
    public void renderUtf8(String template, Map<String, Object> model, Utf8Page out)
            throws RenderFailure, IOException {
        Utf8PageWriter writer = pageWriters.get();
        if (writer.inUse) {
            // a page rendered while another is rendered on this thread (a function of a theme
            // that renders): a writer of its own
            writer = new Utf8PageWriter(16 * 1024);
        }
        writer.inUse = true;
        try {
            writer.reset();
            evaluate(template, model, writer);
            int length = writer.encode();
            out.accept(writer.encoded(), length);
        } finally {
            writer.inUse = false;
        }
    }

    /** Receives a rendered page in UTF-8: the first {@code length} bytes of {@code bytes}, to use before returning. */
    @FunctionalInterface
    public interface Utf8Page {
        void accept(byte[] bytes, int length) throws IOException;
    }

    private Utf8PageWriter evaluate(String template, Map<String, Object> model) throws RenderFailure {
        return evaluate(template, model, new Utf8PageWriter(16 * 1024));
    }

    private Utf8PageWriter evaluate(String template, Map<String, Object> model, Utf8PageWriter out)
            throws RenderFailure {
        try {
            PebbleTemplate compiled = engine.getTemplate(template);
            compiled.evaluate(out, model, locale);
            return out;
        } catch (PebbleException e) {
            throw new RenderFailure(toProblem(template, e));
        } catch (IOException | RuntimeException e) {
            throw new RenderFailure(Problem.error(shownTemplatesDir.resolve(template), 0,
                    "template failed: " + e, "check the template near the expressions it uses"));
        } catch (StackOverflowError e) {
            // Pebble recurses once per level of extends/include/block: only a loop gets this deep.
            throw new RenderFailure(Problem.error(shownTemplatesDir.resolve(template), 0,
                    "rendering never ends: a template extends, includes or calls itself (directly or through others)",
                    "look for {% extends %}, {% include %} and macros that lead back to a template already in use"));
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

    /**
     * A {@link FileLoader} that resolves each template name once per template naming it. Pebble
     * asks the loader for every {@code include}, {@code extends} and {@code import} of every page
     * (eleven cards on a list page), and the loader answers with two regular-expression
     * replacements each time; the answer depends on the two names only. Names are few (those in
     * the theme's tags), but a theme computing them could make many: past a bound, later ones
     * are resolved each time.
     */
    private static final class RelativePathsOnce extends FileLoader {
        private static final int MAX_REMEMBERED = 4096;
        /** What {@link FileLoader#resolveRelativePath} gave, by anchor then name; a null answer as {@link #NONE}. */
        private final ConcurrentHashMap<String, ConcurrentHashMap<String, String>>
                resolved = new ConcurrentHashMap<>();
        private final AtomicInteger remembered = new AtomicInteger();
        private static final String NONE = new String("");

        RelativePathsOnce(String prefix) {
            super(prefix);
        }

        @Override
        public String resolveRelativePath(String relativePath, String anchorPath) {
            if (relativePath == null || anchorPath == null) {
                return super.resolveRelativePath(relativePath, anchorPath);
            }
            var byName = resolved.get(anchorPath);
            String answer = byName == null ? null : byName.get(relativePath);
            if (answer == null) {
                String computed = super.resolveRelativePath(relativePath, anchorPath);
                if (remembered.get() < MAX_REMEMBERED) {
                    remembered.incrementAndGet();
                    resolved.computeIfAbsent(anchorPath, a -> new ConcurrentHashMap<>())
                            .put(relativePath, computed == null ? NONE : computed);
                }
                return computed;
            }
            return answer == NONE ? null : answer;
        }
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
