package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.output.OutputSink;
import io.gazette.problems.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A long-lived build session re-renders only what an edit touches, and the result equals a full build. */
class IncrementalGenerationTest {
    @TempDir
    Path temp;

    /** Keeps the site in memory, like the preview server's snapshots. */
    static class MemorySink implements OutputSink {
        final Map<String, byte[]> files = new ConcurrentHashMap<>();
        final Set<String> deleted = ConcurrentHashMap.newKeySet();

        @Override
        public void write(String path, byte[] content) {
            files.put(path, content);
        }

        @Override
        public void copy(String path, Path source) throws java.io.IOException {
            files.put(path, Files.readAllBytes(source));
        }

        @Override
        public void delete(String path) {
            files.remove(path);
            deleted.add(path);
        }

        /** As the preview's snapshot: the search export reads back the files it updates. */
        @Override
        public byte[] previous(String path) {
            return files.get(path);
        }
    }

    /** The fixture a test edits, the session building it, and the site that session keeps. */
    private Path project;
    private SiteBuild session;
    private MemorySink sink;

    /** A session on a copy of the {@code basic} fixture, with an empty in-memory site. */
    private void openBasic() throws Exception {
        InlineSite site = InlineSite.copyOf("basic", temp);
        project = site.project();
        session = SiteBuild.open(TestSites.options(project, site.output()));
        sink = new MemorySink();
    }

    @Test
    void editingOneArticleRewritesOnlyThePagesThatShowIt() throws Exception {
        openBasic();
        BuildResult first = session.generate(sink, null, System.nanoTime());
        assertThat(first.changedPaths()).contains("index.html", "feed.xml", "css/style.css");

        // The body shows on the article's page and in the site feed (full text) only: lists show
        // the front matter's summary.
        Path article = project.resolve("content/2015/giao-duc.md");
        Files.writeString(article, Files.readString(article).replace("quốc sách hàng đầu", "quốc sách hàng đầu, mãi mãi"));
        BuildResult second = session.generate(sink, Set.of(article), System.nanoTime());
        assertThat(second.changedPaths())
                .contains("2015/01/giao-duc-va-phat-trien/index.html", "feed.xml")
                .doesNotContain("index.html", "tu-khoa/giao-duc/index.html", "tu-khoa/giao-duc/feed.xml",
                        "2014/08/hoi-nghi-thi-dua-khen-thuong-nam-2014/index.html",
                        "css/style.css", "tu-khoa/hoi-nghi/index.html", "404.html", "sitemap.xml", "sitemap-1.xml");
        assertThat(new String(sink.files.get("2015/01/giao-duc-va-phat-trien/index.html"), StandardCharsets.UTF_8))
                .contains("mãi mãi");
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.files));

        // The summary shows in every list and feed the article is in.
        Files.writeString(article, Files.readString(article).replace("Bài viết về giáo dục", "Bài mới về giáo dục"));
        BuildResult third = session.generate(sink, Set.of(article), System.nanoTime());
        assertThat(third.changedPaths())
                .contains("2015/01/giao-duc-va-phat-trien/index.html", "index.html", "tu-khoa/giao-duc/index.html",
                        "tu-khoa/giao-duc/feed.xml", "luu-tru/2015/01/index.html")
                .doesNotContain("tu-khoa/hoi-nghi/index.html", "tu-khoa/hoi-nghi/feed.xml", "404.html");
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.files));
    }

    /**
     * A document dropped beside a bundle's {@code index.md}, then replaced by a bigger one: the
     * article's page lists it and its size each time, because what the article publishes is part
     * of the page's hash; the site is the one a full build makes.
     */
    @Test
    void aDocumentAddedOrReplacedInABundleRewritesItsArticlePage() throws Exception {
        openBasic();
        Path bundle = Files.createDirectories(project.resolve("content/2016/bao-cao"));
        Files.writeString(bundle.resolve("index.md"), """
                ---
                title: Báo cáo tổng kết
                date: 2016-03-01T08:00:00+07:00
                ---

                Báo cáo tổng kết công tác thi đua.
                """);
        session.generate(sink, null, System.nanoTime());
        String page = "2016/03/bao-cao-tong-ket/index.html";
        assertThat(new String(sink.files.get(page), StandardCharsets.UTF_8)).doesNotContain("ke-hoach.xlsx");

        Path document = bundle.resolve("ke-hoach.xlsx");
        Files.write(document, new byte[100]);
        assertThat(session.generate(sink, Set.of(document), System.nanoTime()).changedPaths()).contains(page);
        assertThat(new String(sink.files.get(page), StandardCharsets.UTF_8)).contains("ke-hoach.xlsx");
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.files));

        Files.write(document, new byte[5000]);
        assertThat(session.generate(sink, Set.of(document), System.nanoTime()).changedPaths()).contains(page);
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.files));
    }

    /** Records which files were written before the sink was told to show the saved pages. */
    static final class OrderedSink extends MemorySink {
        final List<String> shownFirst = new ArrayList<>();
        final Set<String> writtenBeforeShown = new HashSet<>();
        final Set<String> writtenAfterShown = ConcurrentHashMap.newKeySet();

        @Override
        public void write(String path, byte[] content) {
            super.write(path, content);
            (shownFirst.isEmpty() ? writtenBeforeShown : writtenAfterShown).add(path);
        }

        @Override
        public void showFirst(java.util.Collection<String> paths) {
            shownFirst.addAll(paths);
        }
    }

    /**
     * A title edit (slug pinned, as an editor's retitling keeps the URL): the article's own page
     * is written and shown before any list page naming it, the sitemaps (which show URLs and
     * dates, not titles) are not made again, and the site is the one a full build makes. A new
     * lastmod does make the sitemap again.
     */
    @Test
    void aTitleEditShowsTheSavedPageFirstAndLeavesTheSitemapAlone() throws Exception {
        openBasic();
        session.generate(sink, null, System.nanoTime());
        Path article = project.resolve("content/2015/giao-duc.md");
        String page = "2015/01/giao-duc-va-phat-trien/index.html";
        Files.writeString(article, Files.readString(article).replace("title: Giáo dục và phát triển",
                "slug: giao-duc-va-phat-trien\ntitle: Giáo dục và phát triển bền vững"));
        OrderedSink ordered = new OrderedSink();
        ordered.files.putAll(sink.files);
        BuildResult retitled = session.generate(ordered, Set.of(article), System.nanoTime(), false);
        assertThat(retitled.problems().hasErrors()).isFalse();
        assertThat(ordered.shownFirst).containsExactly(page);
        assertThat(ordered.writtenBeforeShown).containsExactly(page);
        assertThat(ordered.writtenAfterShown).contains("index.html", "tu-khoa/giao-duc/index.html",
                "luu-tru/2015/01/index.html");
        assertThat(retitled.changedPaths()).doesNotContain("sitemap.xml", "sitemap-1.xml");
        assertThat(new String(ordered.files.get(page), StandardCharsets.UTF_8)).contains("phát triển bền vững");
        session.generate(ordered, Set.of(), System.nanoTime(), true);
        assertThat(asText(ordered.files)).isEqualTo(fullBuildOf(project));

        Files.writeString(article, Files.readString(article).replace("lastmod: 2015-02-01", "lastmod: 2015-03-01"));
        BuildResult redated = session.generate(ordered, Set.of(article), System.nanoTime(), true);
        assertThat(redated.changedPaths()).contains("sitemap-1.xml").doesNotContain("sitemap.xml");
        assertThat(asText(ordered.files)).isEqualTo(fullBuildOf(project));
    }

    /** A theme that shows the list's length on numbered pages has them all made again when it moves. */
    @Test
    void aThemeShowingTheListLengthOnEveryPageStaysRightAfterAnAddition() throws Exception {
        openBasic();
        Path theme = project.resolve("themes/default");
        try (java.util.stream.Stream<Path> walk = Files.walk(TestSites.themes().resolve("default"))) {
            for (Path from : walk.toList()) {
                Path to = theme.resolve(TestSites.themes().resolve("default").relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Path pager = theme.resolve("templates/_pager.peb");
        Files.writeString(pager, Files.readString(pager).replace("</nav>",
                "<span>{{ pager.totalItems }} / {{ pager.totalPages }}</span></nav>"));
        session = SiteBuild.open(TestSites.options(project, project.resolveSibling("public")));
        session.generate(sink, null, System.nanoTime());
        Path added = project.resolve("content/2015/moi.md");
        Files.writeString(added, "---\ntitle: Bài mới\ndate: 2015-06-01\ntags: [Mới]\n---\nNội dung mới.\n");
        BuildResult afterAdd = session.generate(sink, Set.of(added), System.nanoTime());
        assertThat(afterAdd.changedPaths()).contains("trang/1/index.html");
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.files));
    }

    @Test
    void addingAndDeletingArticlesUpdatesListsAndRemovesPages() throws Exception {
        openBasic();
        session.generate(sink, null, System.nanoTime());

        Path added = project.resolve("content/2015/moi.md");
        Files.writeString(added, "---\ntitle: Bài mới\ndate: 2015-06-01\ntags: [Mới]\n---\nNội dung mới.\n");
        BuildResult afterAdd = session.generate(sink, Set.of(added), System.nanoTime());
        assertThat(afterAdd.changedPaths()).contains("2015/06/bai-moi/index.html", "tu-khoa/moi/index.html", "index.html");
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.files));

        Files.delete(added);
        BuildResult afterDelete = session.generate(sink, Set.of(added), System.nanoTime());
        assertThat(afterDelete.changedPaths()).contains("2015/06/bai-moi/index.html", "tu-khoa/moi/feed.xml");
        assertThat(sink.files).doesNotContainKey("2015/06/bai-moi/index.html");
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.files));
    }

    @Test
    void staticFilesAreLookedAtAgainOnlyWhenAChangedPathIsInTheirFolders() throws Exception {
        openBasic();
        session.generate(sink, null, System.nanoTime());
        assertThat(sink.files).containsKeys("images/hoi-nghi.png", "css/style.css");

        Path added = project.resolve("static/robots-note.txt");
        Files.writeString(added, "một");
        // Not named as changed: the last plan of the static files holds.
        Path article = project.resolve("content/2015/giao-duc.md");
        BuildResult unnamed = session.generate(sink, Set.of(article), System.nanoTime());
        assertThat(unnamed.changedPaths()).doesNotContain("robots-note.txt");
        assertThat(sink.files).doesNotContainKey("robots-note.txt");

        BuildResult named = session.generate(sink, Set.of(added), System.nanoTime());
        assertThat(named.changedPaths()).containsExactly("robots-note.txt");
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.files));

        Files.delete(project.resolve("static/images/hoi-nghi.png"));
        BuildResult removed = session.generate(sink, Set.of(project.resolve("static/images/hoi-nghi.png")),
                System.nanoTime());
        assertThat(removed.changedPaths()).containsExactly("images/hoi-nghi.png");
        assertThat(sink.deleted).contains("images/hoi-nghi.png");
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.files));
    }

    @Test
    void aNewYearChangesTheFooterOfEveryPage() throws Exception {
        openBasic();
        session.generate(sink, null, System.nanoTime());
        Path added = project.resolve("content/2016/nam-moi.md");
        Files.createDirectories(added.getParent());
        Files.writeString(added, "---\ntitle: Năm mới\ndate: 2016-01-02\n---\nChúc mừng năm mới.\n");
        BuildResult result = session.generate(sink, Set.of(added), System.nanoTime());
        assertThat(result.changedPaths()).contains("404.html", "tim-kiem/index.html", "tu-khoa/hoi-nghi/index.html");
        assertThat(new String(sink.files.get("404.html"), StandardCharsets.UTF_8)).contains("© 2016");
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.files));
    }

    @Test
    void movingAnArticleToAnotherMonthRemovesItsOldPageAndAlias() throws Exception {
        openBasic();
        session.generate(sink, null, System.nanoTime());
        assertThat(sink.files).containsKeys("tin-tuc/hoi-nghi-2014.html", "luu-tru/2014/08/index.html");

        Path article = project.resolve("content/2014/hoi-nghi-thi-dua.md");
        Files.writeString(article, Files.readString(article).replace("date: 2014-08-18", "date: 2015-03-02")
                .replace("  - /tin-tuc/hoi-nghi-2014.html\n", "  - /tin-tuc/hoi-nghi-2015.html\n"));
        BuildResult moved = session.generate(sink, Set.of(article), System.nanoTime());
        assertThat(moved.changedPaths()).contains("2014/08/hoi-nghi-thi-dua-khen-thuong-nam-2014/index.html",
                "2015/03/hoi-nghi-thi-dua-khen-thuong-nam-2014/index.html", "tin-tuc/hoi-nghi-2014.html",
                "tin-tuc/hoi-nghi-2015.html", "luu-tru/2014/08/index.html", "luu-tru/2015/03/index.html");
        assertThat(sink.deleted).contains("2014/08/hoi-nghi-thi-dua-khen-thuong-nam-2014/index.html",
                "tin-tuc/hoi-nghi-2014.html", "luu-tru/2014/08/index.html", "luu-tru/2014/index.html");
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.files));

        // the same article under another file name: the same pages
        Path renamed = project.resolve("content/2015/hoi-nghi.md");
        Files.move(article, renamed);
        session.generate(sink, Set.of(article, renamed), System.nanoTime());
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.files));
    }

    @Test
    void aTagTakesTheSpellingMostArticlesUse() throws Exception {
        openBasic();
        session.generate(sink, null, System.nanoTime());
        String before = new String(sink.files.get("tu-khoa/thi-dua-khen-thuong/index.html"), StandardCharsets.UTF_8);
        Path added = project.resolve("content/2015/them.md");
        Files.writeString(added, "---\ntitle: Thêm\ndate: 2015-06-01\ntags: [thi đua khen thưởng]\n---\nThêm.\n");
        BuildResult result = session.generate(sink, Set.of(added), System.nanoTime());
        String after = new String(sink.files.get("tu-khoa/thi-dua-khen-thuong/index.html"), StandardCharsets.UTF_8);
        assertThat(before).contains("<h1>Thi đua khen thưởng");
        assertThat(after).contains("<h1>thi đua khen thưởng");
        // every card and page naming the tag shows the new spelling
        assertThat(result.changedPaths()).contains("2014/08/hoi-nghi-thi-dua-khen-thuong-nam-2014/index.html",
                "tu-khoa/index.html");
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.files));
    }

    @Test
    void aBrokenEditReportsProblemsAndKeepsTheLastGoodFingerprints() throws Exception {
        openBasic();
        session.generate(sink, null, System.nanoTime());
        Path article = project.resolve("content/2015/giao-duc.md");
        String good = Files.readString(article);
        Files.writeString(article, good.replace("title: Giáo dục và phát triển", "title: [unclosed"));
        BuildResult broken = session.generate(new MemorySink(), Set.of(article), System.nanoTime());
        assertThat(broken.problems().hasErrors()).isTrue();
        Files.writeString(article, good);
        BuildResult fixed = session.generate(sink, Set.of(article), System.nanoTime());
        assertThat(fixed.problems().hasErrors()).isFalse();
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.files));
    }

    /**
     * Random edits of every kind, each followed by the preview's two generations (pages first,
     * then search), must leave the site exactly as a full build of the same files would make it;
     * an edit with errors must fail like a full build and change nothing. The first generation
     * alone must already give every file but the search index and the related-article lists.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void randomEditsOfEveryKindGiveWhatAFullBuildGives(long seed) throws Exception {
        Random random = new Random(seed);
        Path project = temp.resolve("site-" + seed);
        EditableSite site = EditableSite.create(project, random, 24);
        SiteBuild session = SiteBuild.open(TestSites.options(project, temp.resolve("unused")));
        MemorySink sink = new MemorySink();
        assertThat(session.generate(sink, null, System.nanoTime()).problems().hasErrors()).isFalse();
        int good = 0;
        List<String> fullExports = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            Set<Path> changed = site.randomEdit();
            String what = "seed " + seed + " step " + step + ": " + site.lastEdit;
            MemorySink pages = new MemorySink();
            pages.files.putAll(sink.files);
            BuildResult result = session.generate(pages, changed, System.nanoTime(), false);
            List<Problem> full = new ArrayList<>();
            Map<String, String> expected = fullBuildOf(project, full);
            if (result.problems().hasErrors()) {
                // the preview keeps showing the last good site; the next edit will rebuild
                assertThat(result.problems().sorted()).as(what).isEqualTo(full);
                site.carry(changed);
                continue;
            }
            assertThat(full).as(what).noneMatch(Problem::isError);
            assertSameFiles(withoutSearch(asText(pages.files)), withoutSearch(expected), what);
            assertRelatedListsShowCurrentArticles(asText(pages.files), expected, what);
            BuildResult searched = session.generate(pages, Set.of(), System.nanoTime(), true);
            assertThat(searched.problems().hasErrors()).as(what).isFalse();
            if (session.fullExportReason() != null) {
                fullExports.add(what + ": " + session.fullExportReason());
            }
            sink = pages;
            assertSameFiles(asText(sink.files), expected, what + " (after search)");
            good++;
        }
        assertThat(good).as("edits that built").isGreaterThan(10);
        // Every follow-up updates the last export in proportion to the edit: renamed, re-dated,
        // added and deleted articles included (nothing else writes the session's index here).
        assertThat(fullExports).as("search follow-ups that exported everything").isEmpty();
    }

    /** Names the first file that differs, so a failure shows one file, not the whole site. */
    private static void assertSameFiles(Map<String, String> actual, Map<String, String> expected, String what) {
        assertThat(actual.keySet()).as(what).isEqualTo(expected.keySet());
        for (Map.Entry<String, String> file : expected.entrySet()) {
            assertThat(actual.get(file.getKey())).as(what + ": " + file.getKey()).isEqualTo(file.getValue());
        }
    }

    /**
     * Related lists are the last search's until the search generation, but every article they
     * name must be shown as it is now: its page exists, with that title and date.
     */
    private static void assertRelatedListsShowCurrentArticles(Map<String, String> actual, Map<String, String> expected,
            String what) {
        actual.forEach((path, text) -> {
            java.util.regex.Matcher section = RELATED.matcher(text);
            if (!section.find()) {
                return;
            }
            java.util.regex.Matcher item = RELATED_ITEM.matcher(section.group());
            while (item.find()) {
                String page = expected.get(item.group(1).substring(1) + "index.html");
                assertThat(page).as(what + ": " + path + " names " + item.group(1)).isNotNull()
                        .contains("<h1>" + item.group(2) + "</h1>")
                        .contains("article:published_time\" content=\"" + item.group(3) + "\"");
            }
        });
    }

    private static final java.util.regex.Pattern RELATED_ITEM = java.util.regex.Pattern.compile(
            "<li><a href=\"([^\"]+)\">([^<]*)</a> <time datetime=\"([^\"]+)\">");

    /** The files without what only the search generation brings up to date. */
    private static Map<String, String> withoutSearch(Map<String, String> files) {
        Map<String, String> pages = new TreeMap<>();
        files.forEach((path, text) -> {
            if (!path.startsWith("search/")) {
                // the list, and the blank lines its absence leaves
                pages.put(path, RELATED.matcher(text).replaceAll("").replaceAll("(?m)^\\s*\\n", ""));
            }
        });
        return pages;
    }

    private static final java.util.regex.Pattern RELATED = java.util.regex.Pattern.compile(
            "<section class=\"related\".*?</section>", java.util.regex.Pattern.DOTALL);

    private Map<String, String> fullBuildOf(Path project) throws Exception {
        return fullBuildOf(project, new ArrayList<>());
    }

    /**
     * A clean build of {@code project}'s files, made in a copy without its {@code .gazette/}: built
     * in place, it would write the session's Lucene index, and the session's next search would
     * rightly find the index changed by someone else and export everything (what made most of the
     * follow-ups below full exports, so that the update went almost untested here).
     */
    private Map<String, String> fullBuildOf(Path project, List<Problem> problems) throws Exception {
        Path copy = Files.createTempDirectory(temp, "clean-");
        try (java.util.stream.Stream<Path> files = Files.walk(project)) {
            for (Path file : files.toList()) {
                Path relative = project.relativize(file);
                if (relative.startsWith(".gazette")) {
                    continue;
                }
                Path target = copy.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        MemorySink fresh = new MemorySink();
        BuildResult result = SiteBuild.open(TestSites.options(copy, temp.resolve("unused")))
                .generate(fresh, null, System.nanoTime());
        for (Problem p : result.problems().sorted()) {
            Path file = p.file() != null && p.file().startsWith(copy) ? project.resolve(copy.relativize(p.file()).toString())
                    : p.file();
            problems.add(new Problem(p.severity(), file, p.line(), p.message(), p.hint()));
        }
        io.gazette.output.TreeDeletion.delete(copy);
        return asText(fresh.files);
    }

    private static Map<String, String> asText(Map<String, byte[]> files) {
        Map<String, String> text = new TreeMap<>();
        files.forEach((path, bytes) -> text.put(path, new String(bytes, StandardCharsets.UTF_8)));
        return text;
    }

    /** A small generated site that random edits of every kind are made to. */
    static final class EditableSite {
        private static final String[] WORDS = {"Hội nghị", "thi đua", "khen thưởng", "Bộ Xây dựng", "năm", "tổng kết",
            "công tác", "đổi mới", "sáng tạo", "Ngân hàng", "phát triển", "giáo dục"};
        private static final String[] TAGS = {"Thi đua", "thi đua", "THI ĐUA", "Hội nghị", "Khen thưởng", "Đổi mới",
            "Giáo dục", "Ngân hàng Nhà nước", "Xây dựng"};
        private static final String[] CATEGORIES = {"Hoạt động của Khối", "hoạt động của khối", "Tin tức", "Sự kiện"};

        private final Path content;
        private final Random random;
        private final List<Path> files = new ArrayList<>();
        private final Set<Path> carried = new HashSet<>();
        private int next;
        String lastEdit = "";

        private EditableSite(Path project, Random random) {
            this.content = project.resolve("content");
            this.random = random;
        }

        static EditableSite create(Path project, Random random, int articles) throws IOException {
            Files.createDirectories(project.resolve("content"));
            Files.writeString(project.resolve("site.yml"), "title: \"Bản tin\"\nbaseUrl: \"https://example.org/\"\n"
                    + "language: vi\ntimeZone: Asia/Ho_Chi_Minh\npageSize: 2\nfeedSize: 3\nrelatedCount: 2\n");
            EditableSite site = new EditableSite(project, random);
            for (int i = 0; i < articles; i++) {
                site.write(site.newFile(), site.article(), null);
            }
            return site;
        }

        /**
         * Changes one or two files; returns the paths changed (with those of a failed edit before,
         * whose errors it repairs first).
         */
        Set<Path> randomEdit() throws IOException {
            Set<Path> changed = new HashSet<>(carried);
            StringBuilder what = new StringBuilder();
            if (!carried.isEmpty()) {
                repair(changed);
                what.append("repair; ");
            }
            carried.clear();
            int edits = random.nextInt(5) == 0 ? 2 : 1;
            for (int e = 0; e < edits; e++) {
                Path file = files.get(random.nextInt(files.size()));
                String text = Files.readString(file);
                int kind = random.nextInt(14);
                what.append(kind).append(' ').append(content.relativize(file)).append("; ");
                switch (kind) {
                    case 0 -> write(file, text.replace("\n---\n", "\n---\nMột câu mới " + next++ + ".\n\n"), changed);
                    case 1 -> write(file, setKey(text, "title", "\"" + title() + "\""), changed);
                    case 2 -> write(file, setKey(text, "tags", tags()), changed);
                    case 3 -> write(file, setKey(text, "category", "\"" + pick(CATEGORIES) + "\""), changed);
                    case 4 -> write(file, setKey(text, "date", date()), changed);
                    case 5 -> write(file, setKey(text, "summary", "\"Tóm tắt " + next++ + "\""), changed);
                    case 6 -> write(file, setKey(text, "draft", random.nextBoolean() ? "true" : "false"), changed);
                    case 7 -> write(file, setKey(text, "date", random.nextBoolean() ? "2027-01-01" : "2016-12-31T23:59:00+07:00"),
                            changed);
                    case 8 -> {
                        Files.delete(file);
                        files.remove(file);
                        changed.add(file);
                    }
                    case 9 -> write(newFile(), article(), changed);
                    case 10 -> {
                        // a rename: the same article under another file name
                        Path renamed = newFile();
                        Files.delete(file);
                        files.remove(file);
                        changed.add(file);
                        write(renamed, text, changed);
                    }
                    case 11 -> write(file, setKey(text, "slug", random.nextInt(3) == 0 ? "trung-lap" : "rieng-" + next++),
                            changed);
                    case 12 -> {
                        int choice = random.nextInt(5);
                        String aliases = choice == 0 ? "[]" : choice == 1 ? "[\"/cu/chung-" + random.nextInt(3) + ".html\"]"
                                : "[\"/cu/" + next++ + ".html\", \"/cu/" + next++ + "/\"]";
                        write(file, setKey(text, "aliases", aliases), changed);
                    }
                    default -> write(file, random.nextInt(3) == 0 ? text.replace("title:", "title: [") : text
                            .replace("title: [", "title:"), changed);
                }
            }
            lastEdit = what.toString();
            return changed;
        }

        /** The files of an edit that failed: the next generation is told about them again. */
        void carry(Set<Path> changed) {
            carried.addAll(changed);
        }

        /** Undoes whatever may have broken the build: invalid YAML, shared slugs and aliases. */
        private void repair(Set<Path> changed) throws IOException {
            for (Path file : List.copyOf(files)) {
                String text = Files.readString(file);
                String fixed = text.replace("title: [", "title:").replaceAll("(?m)^aliases:.*\\n", "")
                        .replace("slug: trung-lap", "slug: rieng-" + next++);
                if (!fixed.equals(text)) {
                    write(file, fixed, changed);
                }
            }
        }

        private Path newFile() {
            return content.resolve(String.valueOf(2013 + random.nextInt(4))).resolve("bai-" + next++ + ".md");
        }

        private void write(Path file, String text, Set<Path> changed) throws IOException {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            if (!files.contains(file)) {
                files.add(file);
            }
            if (changed != null) {
                changed.add(file);
            }
        }

        private String article() {
            return "---\ntitle: \"" + title() + "\"\ndate: " + date() + "\ncategory: \"" + pick(CATEGORIES)
                    + "\"\ntags: " + tags() + "\n---\n\n" + title() + " " + title() + ".\n\n" + title() + ".\n";
        }

        /** Titles never repeat: two articles with one title in one month would claim one URL. */
        private String title() {
            return pick(WORDS) + " " + pick(WORDS) + " " + next++;
        }

        private String tags() {
            List<String> tags = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                tags.add("\"" + pick(TAGS) + "\"");
            }
            return tags.stream().distinct().toList().toString();
        }

        private String date() {
            // few distinct days, so equal dates (ordered by URL) and shared months are common
            return String.format("%d-%02d-%02d", 2013 + random.nextInt(4), 1 + random.nextInt(3) * 5,
                    1 + random.nextInt(2) * 14);
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        /** The text with front matter key {@code key} set to {@code value} (added when missing). */
        private static String setKey(String text, String key, String value) {
            int end = text.indexOf("\n---", 4);
            String front = text.substring(0, end);
            String rest = text.substring(end);
            String line = key + ": " + value;
            String replaced = front.replaceAll("(?m)^" + key + ":.*$", java.util.regex.Matcher.quoteReplacement(line));
            return (replaced.equals(front) && !front.contains("\n" + key + ":") ? front + "\n" + line : replaced) + rest;
        }
    }
}
