package io.gazette.search;

import io.gazette.content.ArticleSource;
import io.gazette.content.ContentLoader;
import io.gazette.markdown.MarkdownRenderer;
import io.gazette.problems.Problems;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Times the search stages of a build on a real content tree (a site directory with
 * {@code content/}), one stage per JVM so each figure is what a fresh {@code gazette build} pays:
 * <pre>
 * java -cp target/classes:target/test-classes:&lt;deps&gt; io.gazette.search.CorpusBench SITE_DIR STAGE [REPEAT]
 * </pre>
 * SITE_DIR may be {@code synthetic} (or {@code synthetic:N}) for {@link SearchBench}'s generated archive. STAGE is {@code lucene} (SearchIndexer.rebuild),
 * {@code sync} (SearchIndexer.sync over an existing index, nothing changed), {@code export} (the
 * static index from that index into a directory), {@code related} (related articles from it) or
 * {@code all} (the three, as a clean build does). The parsed documents
 * are cached beside the build output ({@code target/bench-docs.bin}) so that parsing Markdown is
 * not part of any figure. REPEAT runs the stage again in the same JVM (warm figures).
 */
public final class CorpusBench {
    private CorpusBench() {
    }

    public static void main(String[] args) throws Exception {
        String stage = args[1];
        int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        boolean synthetic = args[0].startsWith("synthetic");
        Path work = Path.of("target/corpus-bench").resolve(synthetic ? args[0].replace(':', '-') : "content");
        // "synthetic[:N]": SearchBench's generated archive (10,000 documents, a wider vocabulary).
        List<SearchDocument> docs = synthetic
                ? SearchBench.generate(args[0].contains(":") ? Integer.parseInt(args[0].substring(10)) : 10_000, 42)
                : load(Path.of(args[0]), work.resolve("docs.bin"));
        for (int r = 0; r < repeat; r++) {
            long t0 = System.nanoTime();
            String what = run(stage, docs, work);
            System.out.printf("%s: %d ms %s%n", stage, (System.nanoTime() - t0) / 1_000_000, what);
        }
    }

    private static String run(String stage, List<SearchDocument> docs, Path work) throws IOException {
        Path index = work.resolve("index");
        switch (stage) {
            case "lucene" -> {
                SearchIndexer.rebuild(index, docs);
                return "(" + docs.size() + " docs)";
            }
            case "sync" -> {
                return "(" + SearchIndexer.sync(index, docs) + " changes)";
            }
            case "export" -> {
                // A fresh directory, as a build's staging area is; the previous one is deleted
                // after timing, so that its unlinks do not slow down this run's file creation.
                Path site = work.resolve("site");
                Path old = work.resolve("site-old");
                io.gazette.output.TreeDeletion.delete(old);
                if (Files.exists(site)) {
                    Files.move(site, old);
                }
                if (!Files.exists(index)) {
                    SearchIndexer.rebuild(index, docs);
                }
                long t0 = System.nanoTime();
                TimedSink sink = new TimedSink(new io.gazette.output.DirectorySink(site));
                try (SearchIndex open = SearchIndex.open(index)) {
                    StaticIndexExporter.Result result = open.exportStatic(sink::write);
                    return String.format("(%d files, %d bytes; until the first file %d ms)", result.files(),
                            result.bytes(), (sink.first - t0) / 1_000_000);
                }
            }
            case "all" -> {
                io.gazette.output.TreeDeletion.delete(work.resolve("site"));
                // What a clean build does: the index, related articles from it, the export from it.
                long t0 = System.nanoTime();
                SearchIndexer.rebuild(index, docs);
                long t1 = System.nanoTime();
                try (SearchIndex open = SearchIndex.open(index)) {
                    int related = open.related(5).size();
                    long t2 = System.nanoTime();
                    StaticIndexExporter.Result result = open.exportStatic(
                            IndexFiles.directory(work.resolve("site")));
                    long t3 = System.nanoTime();
                    return String.format("(lucene %d, related %d [%d], export %d ms [%d files])", (t1 - t0) / 1_000_000,
                            (t2 - t1) / 1_000_000, related, (t3 - t2) / 1_000_000, result.files());
                }
            }
            case "related" -> {
                if (!Files.exists(index)) {
                    SearchIndexer.rebuild(index, docs);
                }
                long t0 = System.nanoTime();
                try (SearchIndex open = SearchIndex.open(index)) {
                    int size = open.related(5).size();
                    return "(" + size + " docs; " + (System.nanoTime() - t0) / 1_000_000 + " ms)";
                }
            }
            default -> throw new IllegalArgumentException(stage);
        }
    }

    /** Notes when the first file is written: everything before is computing, everything after writing. */
    private static final class TimedSink implements io.gazette.output.OutputSink {
        final io.gazette.output.OutputSink target;
        volatile long first;

        TimedSink(io.gazette.output.OutputSink target) {
            this.target = target;
        }

        @Override
        public void write(String path, byte[] content) throws IOException {
            if (first == 0) {
                synchronized (this) {
                    if (first == 0) {
                        first = System.nanoTime();
                    }
                }
            }
            target.write(path, content);
        }

        @Override
        public void copy(String path, Path source) throws IOException {
            target.copy(path, source);
        }
    }

    static List<SearchDocument> load(Path site, Path cache) throws IOException {
        if (Files.exists(cache)) {
            return read(cache);
        }
        ContentLoader loader = new ContentLoader(site, site.resolve("content"), ZoneId.of("Asia/Ho_Chi_Minh"));
        MarkdownRenderer markdown = new MarkdownRenderer("/", false);
        Problems problems = new Problems();
        List<Path> files = loader.listMarkdownFiles(problems);
        List<SearchDocument> docs = files.parallelStream().map(file -> {
            Optional<ArticleSource> source = loader.read(file, new Problems());
            if (source.isEmpty()) {
                return null;
            }
            var fm = source.get().frontMatter();
            String body = markdown.render(source.get().markdown()).plainText();
            String url = site.resolve("content").relativize(file).toString().replace('\\', '/').replaceAll("\\.md$", "/");
            LocalDate date = fm.date() == null ? null : fm.date().toLocalDate();
            return new SearchDocument(url, fm.title(), fm.summary(), body, fm.tags(), fm.category(), fm.author(), date);
        }).filter(d -> d != null).toList();
        Files.createDirectories(cache.getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
            out.writeInt(docs.size());
            for (SearchDocument d : docs) {
                out.writeUTF(d.url());
                out.writeUTF(d.title());
                out.writeUTF(d.summary());
                byte[] body = d.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.writeInt(body.length);
                out.write(body);
                out.writeInt(d.tags().size());
                for (String t : d.tags()) {
                    out.writeUTF(t);
                }
                out.writeUTF(d.category());
                out.writeUTF(d.author());
                out.writeUTF(d.date() == null ? "" : d.date().toString());
            }
        }
        return docs;
    }

    private static List<SearchDocument> read(Path cache) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
            int n = in.readInt();
            List<SearchDocument> docs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String url = in.readUTF();
                String title = in.readUTF();
                String summary = in.readUTF();
                byte[] body = new byte[in.readInt()];
                in.readFully(body);
                int tagCount = in.readInt();
                List<String> tags = new ArrayList<>(tagCount);
                for (int t = 0; t < tagCount; t++) {
                    tags.add(in.readUTF());
                }
                String category = in.readUTF();
                String author = in.readUTF();
                String date = in.readUTF();
                docs.add(new SearchDocument(url, title, summary, new String(body, java.nio.charset.StandardCharsets.UTF_8),
                        List.copyOf(tags), category, author, date.isEmpty() ? null : LocalDate.parse(date)));
            }
            return docs;
        }
    }
}
