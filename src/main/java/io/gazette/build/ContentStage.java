package io.gazette.build;

import io.gazette.config.SiteConfig;
import io.gazette.content.ArticleSource;
import io.gazette.content.ContentLoader;
import io.gazette.markdown.MarkdownRenderer;
import io.gazette.markdown.RenderedMarkdown;
import io.gazette.problems.Problems;
import io.gazette.site.ArticleInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Content files → validated front matter + rendered Markdown, in parallel. Keeps the result of
 * each file keyed by its path so a long-lived session (the preview server) re-reads only the files
 * that changed.
 */
final class ContentStage {
    private final SiteConfig config;
    private final ContentLoader loader;
    private final MarkdownRenderer markdown;
    private final Map<Path, Entry> cache = new ConcurrentHashMap<>();

    /** A file's last result; {@code input} is empty when the file had errors. */
    private record Entry(Optional<ArticleInput> input, Problems problems) {
    }

    ContentStage(SiteConfig config) {
        this.config = config;
        this.loader = new ContentLoader(config.projectDir(), config.contentDir(), config.timeZone());
        boolean rawHtml = Boolean.TRUE.equals(config.params().get("allowRawHtml"));
        this.markdown = new MarkdownRenderer(config.basePath(), rawHtml);
    }

    /** Reads every content file (or, with {@code changed} given, only those), reporting into {@code problems}. */
    List<ArticleInput> load(Problems problems, java.util.Set<Path> changed) throws IOException {
        List<Path> files = loader.listMarkdownFiles(problems);
        java.util.Set<Path> present = java.util.Set.copyOf(files);
        cache.keySet().removeIf(path -> !present.contains(path));
        files.parallelStream()
                .filter(file -> changed == null || changed.contains(file) || !cache.containsKey(file))
                .forEach(file -> cache.put(file, read(file)));
        List<ArticleInput> inputs = new ArrayList<>(files.size());
        for (Path file : files) {
            Entry entry = cache.get(file);
            problems.addAll(entry.problems().sorted());
            entry.input().ifPresent(inputs::add);
        }
        return inputs;
    }

    private Entry read(Path file) {
        Problems problems = new Problems();
        Optional<ArticleSource> source = loader.read(file, problems);
        Optional<ArticleInput> input = source.map(s -> {
            RenderedMarkdown body = markdown.render(s.markdown());
            long hash = Objects.hash(s.frontMatter(), s.markdown()) * 0x9E3779B97F4A7C15L + s.markdown().length();
            return new ArticleInput(s, body, hash);
        });
        return new Entry(input, problems);
    }
}
