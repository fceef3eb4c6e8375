package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gazette build} with the cache in {@code .gazette/cache/build/}: after any edit its output
 * is byte for byte a clean build's, with or without the last {@code public/}; a cache that cannot
 * serve (another Gazette, another theme or site.yml, damaged) gives a full build and one reason.
 */
class BuildCacheTest {
    @TempDir
    Path temp;

    private static final String SITE_YML = "title: Tin tức\nbaseUrl: https://example.org/tin/\npageSize: 2\nfeedSize: 3\n";

    private static String article(String title, String date, String tags, String body) {
        return "---\ntitle: \"" + title + "\"\ndate: " + date + "\ncategory: Thời sự\ntags: [" + tags + "]\n---\n\n"
                + body + "\n";
    }

    /** A site whose lists span several pages, so a new article shifts every page of them. */
    private InlineSite site(Path dir) {
        InlineSite site = InlineSite.in(dir).file("site.yml", SITE_YML);
        for (int i = 1; i <= 7; i++) {
            site.file("content/2015/bai-" + i + ".md", article("Bài số " + i + " về thi đua", "2015-0" + i + "-10",
                    i % 2 == 0 ? "Thi đua, Khen thưởng" : "Hội nghị", "Đoạn văn **" + i + "** về khen thưởng và hội nghị."));
        }
        site.file("content/2015/co-alias.md", "---\ntitle: Có đường dẫn cũ\ndate: 2015-08-01\naliases: [/cu/bai.html]\n---\n\nNội dung.\n");
        return site;
    }

    @Test
    void afterEditsTheOutputIsAFullBuildsWithAndWithoutTheLastOutput() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        InlineSite.Built first = site.buildWithCache();
        assertThat(first.messages()).isEmpty();
        assertThat(first.fullBuildReason()).startsWith("no build cache yet in ");
        assertThat(first.fullExportReason()).isEqualTo("no state of the last search export");

        InlineSite.Built unchanged = site.buildWithCache();
        assertThat(unchanged.fullBuildReason()).isNull();
        assertThat(unchanged.fullExportReason()).as("the static index updated, not exported whole").isNull();
        assertThat(tree(site.output())).isEqualTo(tree(first.output()));

        site.file("content/2015/bai-3.md", article("Bài số 3, sửa lại", "2015-03-10", "Hội nghị, Mới", "Đoạn văn đã sửa."));
        site.file("content/2016/bai-moi.md", article("Bài mới", "2016-01-05", "Thi đua", "Một bài mới về thi đua."));
        site.delete("content/2015/co-alias.md");
        site.delete("content/2015/bai-2.md");
        InlineSite.Built edited = site.buildWithCache();
        assertThat(edited.messages()).isEmpty();
        assertThat(edited.fullBuildReason()).isNull();
        assertThat(edited.fullExportReason()).isNull();
        assertThat(edited.has("cu/bai.html")).isFalse();
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));

        // A fresh CI checkout: no public/, the cache restored.
        deleteTree(site.output());
        site.file("content/2016/bai-moi-hai.md", article("Bài mới hai", "2016-02-05", "Hội nghị", "Một bài nữa."));
        InlineSite.Built fresh = site.buildWithCache();
        assertThat(fresh.fullBuildReason()).isNull();
        assertThat(fresh.fullExportReason()).isNull();
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    /**
     * The search sync reads only the articles whose key moved since the last sync kept them; when
     * the keys are missing, damaged or describe another commit of the index (the preview wrote it
     * since), it compares every article with the index, as before. The site is a clean build's
     * in every case.
     */
    @Test
    void theSearchSyncReadsOnlyArticlesWhoseKeyMoved() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        site.buildWithCache();
        assertThat(site.lastSession().searchDocumentsRead()).as("first build: every article").isEqualTo(8);
        Path keys = site.project().resolve(".gazette/cache/search-keys");
        assertThat(keys).isRegularFile();

        Object keysWritten = Files.readAttributes(keys, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        site.buildWithCache();
        assertThat(site.lastSession().searchDocumentsRead()).as("nothing changed").isZero();
        // Keys that name every article with its key now are not written again (a file replaced whole is a new one).
        assertThat(Files.readAttributes(keys, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .as("keys kept as they were").isNotNull().isEqualTo(keysWritten);

        site.file("content/2015/bai-3.md", article("Bài số 3, sửa lại", "2015-03-10", "Hội nghị", "Đoạn văn mới về nông nghiệp."));
        site.file("content/2016/bai-moi.md", article("Bài mới", "2016-01-05", "Thi đua", "Một bài mới về thi đua."));
        site.delete("content/2015/bai-2.md");
        site.buildWithCache();
        assertThat(site.lastSession().searchDocumentsRead()).as("one edited, one new").isEqualTo(2);
        assertThat(Files.readAttributes(keys, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .as("keys written again after an edit").isNotEqualTo(keysWritten);
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));

        // A tag renamed by its spelling elsewhere changes what every article of the tag shows.
        site.file("content/2015/bai-1.md", article("Bài số 1 về thi đua", "2015-01-10", "hội nghị", "Đoạn văn **1** về khen thưởng và hội nghị."));
        site.buildWithCache();
        assertThat(site.lastSession().searchDocumentsRead()).isPositive();
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));

        byte[] bytes = Files.readAllBytes(keys);
        bytes[bytes.length / 2] ^= 1;
        Files.write(keys, bytes);
        site.file("content/2015/bai-4.md", article("Bài số 4", "2015-04-10", "Thi đua", "Khen thưởng, thi đua và hội nghị."));
        site.buildWithCache();
        assertThat(site.lastSession().searchDocumentsRead()).as("damaged keys: every article").isEqualTo(8);
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));

        // The index moved on without the keys (a preview, a build killed before keeping them).
        Path copy = temp.resolve("keys-before");
        Files.copy(keys, copy);
        site.file("content/2015/bai-5.md", article("Bài số 5", "2015-05-10", "Thi đua", "Một đoạn khác hẳn."));
        site.buildWithCache();
        Files.copy(copy, keys, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        site.file("content/2015/bai-6.md", article("Bài số 6", "2015-06-10", "Thi đua", "Lại một đoạn khác."));
        site.buildWithCache();
        assertThat(site.lastSession().searchDocumentsRead()).as("keys of another commit: every article").isEqualTo(8);
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
        site.buildWithCache();
        assertThat(site.lastSession().searchDocumentsRead()).isZero();
    }

    /** A damaged search export state: the static index is exported whole, one line says why, and the site is right. */
    @Test
    void aDamagedSearchExportStateGivesAFullExportAndSaysSo() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        site.buildWithCache();
        Path state = site.project().resolve(".gazette/cache/search-export");
        assertThat(state).isRegularFile();
        Files.write(state, new byte[] {1, 2, 3});
        site.file("content/2016/bai-moi.md", article("Bài mới", "2016-01-05", "Thi đua", "Một bài mới về thi đua."));
        InlineSite.Built built = site.buildWithCache();
        assertThat(built.fullBuildReason()).isNull();
        assertThat(built.fullExportReason()).startsWith("the search export state search-export cannot be used");
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
        site.file("content/2016/bai-moi-hai.md", article("Bài mới hai", "2016-02-05", "Hội nghị", "Một bài nữa."));
        assertThat(site.buildWithCache().fullExportReason()).isNull();
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    @Test
    void relatedListsAreUpdatedFromTheKeptOnesAndADamagedFileMeansComputingThemAll() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        site.buildWithCache();
        assertThat(site.lastSession().relatedReport()).isNull(); // none kept yet: all computed, silently
        assertThat(site.lastSession().relatedFullReason()).isNull();
        Path kept;
        try (Stream<Path> files = Files.walk(site.project().resolve(".gazette"))) {
            kept = files.filter(f -> f.getFileName().toString().equals("related-articles")).findFirst().orElseThrow();
        }

        site.file("content/2015/bai-3.md", article("Bài số 3, sửa lại", "2015-03-10", "Hội nghị", "Đoạn văn về thi đua đã sửa."));
        site.buildWithCache();
        assertThat(site.lastSession().relatedFullReason()).isNull();
        assertThat(site.lastSession().relatedReport()).startsWith("1 changed, 1 gone");
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));

        byte[] bytes = Files.readAllBytes(kept);
        bytes[bytes.length / 2] ^= 1;
        Files.write(kept, bytes);
        site.file("content/2015/bai-4.md", article("Bài số 4", "2015-04-10", "Thi đua", "Khen thưởng, thi đua và hội nghị."));
        site.buildWithCache();
        assertThat(site.lastSession().relatedFullReason()).startsWith("the kept related articles related-articles cannot be used");
        assertThat(site.lastSession().relatedReport()).isNull();
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    /**
     * List pages are numbered from the oldest article: a new article re-renders the first page of
     * each list it joins, and once every {@code pageSize} articles one new numbered page and the
     * link of the one before it; no other numbered page.
     */
    @Test
    void aNewArticleRerendersTheFirstPagesOfItsListsAndNoOlderPage() throws IOException {
        InlineSite site = InlineSite.in(temp.resolve("a")).file("site.yml", SITE_YML);
        for (int i = 1; i <= 21; i++) {
            site.file("content/2015/bai-" + i + ".md", article("Bài số " + i, java.time.LocalDate.of(2015, 1, 1)
                    .plusDays(3L * i).toString(), "Hội nghị", "Đoạn văn " + i + "."));
        }
        assertThat(site.buildWithCache().messages()).isEmpty();
        assertThat(site.output().resolve("trang/9/index.html")).isRegularFile(); // 21 = 9 × 2 + 3 on the first page
        assertThat(site.output().resolve("trang/10/index.html")).doesNotExist();
        String oldest = Files.readString(site.output().resolve("trang/1/index.html"));
        assertThat(oldest).contains("Bài số 1<", "Bài số 2<").doesNotContain("Bài số 3<");

        // The 22nd article: the first page gives its two oldest to a new page 10, page 9 links to it.
        site.file("content/2015/bai-22.md", article("Bài số 22", "2015-06-01", "Hội nghị", "Đoạn văn 22."));
        InlineSite.Built added = site.buildWithCache();
        assertThat(added.fullBuildReason()).isNull();
        assertThat(numberedPages(added.changedPaths())).containsExactlyInAnyOrder("trang/10/index.html",
                "trang/9/index.html", "tu-khoa/hoi-nghi/trang/10/index.html", "tu-khoa/hoi-nghi/trang/9/index.html",
                "chuyen-muc/thoi-su/trang/10/index.html", "chuyen-muc/thoi-su/trang/9/index.html",
                "luu-tru/2015/trang/10/index.html", "luu-tru/2015/trang/9/index.html");
        assertThat(added.changedPaths()).contains("index.html", "tu-khoa/hoi-nghi/index.html",
                "chuyen-muc/thoi-su/index.html", "luu-tru/2015/index.html", "luu-tru/2015/06/index.html");
        assertThat(Files.readString(site.output().resolve("trang/1/index.html"))).isEqualTo(oldest);
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));

        // The 23rd: the first pages only.
        site.file("content/2015/bai-23.md", article("Bài số 23", "2015-06-02", "Hội nghị", "Đoạn văn 23."));
        InlineSite.Built again = site.buildWithCache();
        assertThat(numberedPages(again.changedPaths())).isEmpty();
        // the sitemap part that lists it, not the index (the number of parts is the same)
        assertThat(again.changedPaths()).contains("sitemap-1.xml").doesNotContain("sitemap.xml");
        assertThat(again.changedPaths()).contains("2015/06/bai-so-23/index.html", "2015/06/bai-so-22/index.html");
        // besides article pages (the new one, its neighbour, those whose related list took it)
        assertThat(again.changedPaths().stream().filter(p -> p.endsWith(".html") && !p.startsWith("2015/")))
                .containsExactlyInAnyOrder("index.html", "tu-khoa/index.html", "tu-khoa/hoi-nghi/index.html",
                        "chuyen-muc/index.html", "chuyen-muc/thoi-su/index.html", "luu-tru/index.html",
                        "luu-tru/2015/index.html", "luu-tru/2015/06/index.html");
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));

        // An older article's title shows on its card: only the numbered pages holding that card.
        site.file("content/2015/bai-2.md", article("Bài số hai", java.time.LocalDate.of(2015, 1, 7).toString(),
                "Hội nghị", "Đoạn văn 2."));
        InlineSite.Built retitled = site.buildWithCache();
        assertThat(numberedPages(retitled.changedPaths())).containsExactlyInAnyOrder("trang/1/index.html",
                "tu-khoa/hoi-nghi/trang/1/index.html", "chuyen-muc/thoi-su/trang/1/index.html",
                "luu-tru/2015/trang/1/index.html", "luu-tru/2015/01/trang/1/index.html");
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    /** A theme (written for the old numbering) that shows the list's length on every page: still a clean build's bytes. */
    @Test
    void aThemeShowingTheListLengthOnEveryPageHasThemMadeAgain() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        TestSites.copyTree(TestSites.themes().resolve("default"), site.project().resolve("themes/default"));
        Path pager = site.project().resolve("themes/default/templates/_pager.peb");
        Files.writeString(pager, Files.readString(pager).replace("</nav>",
                "<span class=\"of\">{{ pager.totalItems }} / {{ pager.totalPages }}</span></nav>"));
        site.buildWithCache();
        site.file("content/2016/bai-moi.md", article("Bài mới", "2016-01-05", "Thi đua", "Một bài mới về thi đua."));
        InlineSite.Built added = site.buildWithCache();
        assertThat(added.fullBuildReason()).isNull();
        assertThat(added.changedPaths()).contains("trang/1/index.html");
        assertThat(added.page("trang/1/index.html")).contains("<span class=\"of\">9 / 4</span>");
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    private static java.util.List<String> numberedPages(java.util.Set<String> paths) {
        return paths.stream().filter(p -> p.contains("trang/")).toList();
    }

    @Test
    void theKeptCopiesAreLinksToThePublishedFiles() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        site.buildWithCache();
        assertThat(BuildStateFile.read(stateFile(site)).mirrored()).isTrue();
        String page = "2015/01/bai-so-1-ve-thi-dua/index.html";
        assertThat(inode(mirror(site).resolve(page))).isEqualTo(inode(site.output().resolve(page)));
        assertThat(tree(mirror(site))).isEqualTo(tree(site.output()));
    }

    /**
     * With public/ there, the kept copies become the next staging folder and the replaced site
     * the kept copies, by renames: no file linked or deleted for an unchanged one. What other
     * tools leave in public/ (a file added, a file replaced by another of the same size and
     * second) never reaches a later site, and a failed build hands its staging folder back, so
     * the build after it still reuses the unchanged files.
     */
    @Test
    void theKeptCopiesAndThePublishedSiteSwapPlacesAndWhatOthersLeaveInPublicNeverReturns() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        site.buildWithCache();
        Object publishedFolder = inode(site.output());
        Object keptFolder = inode(mirror(site));
        assertThat(site.buildWithCache().changedPaths()).isEmpty();
        assertThat(inode(site.output())).as("the kept copies were published").isEqualTo(keptFolder);
        assertThat(inode(mirror(site))).as("the replaced site is kept").isEqualTo(publishedFolder);
        assertThat(tree(mirror(site))).isEqualTo(tree(site.output()));
        assertThat(Files.exists(site.output().resolveSibling(".public.old"))).isFalse();

        site.file("content/2016/bai-moi.md", article("Bài mới", "2016-01-05", "Thi đua", "Một bài mới về thi đua."));
        site.delete("content/2015/co-alias.md");
        InlineSite.Built edited = site.buildWithCache();
        assertThat(edited.fullBuildReason()).isNull();
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
        assertThat(tree(mirror(site))).as("no empty folder of a deleted page kept").isEqualTo(tree(site.output()));

        // Another tool adds a file to public/ and replaces a page by one of the same size and second.
        Files.writeString(site.output().resolve("CNAME"), "tin.example.org\n");
        Path page = site.output().resolve("2015/01/bai-so-1-ve-thi-dua/index.html");
        replaceBySameSizeAndSecond(page);
        for (int i = 0; i < 3; i++) { // the touched tree is published by the second build
            InlineSite.Built again = site.buildWithCache();
            assertThat(again.fullBuildReason()).isNull();
            assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
        }

        // A failed build, then the fix: the staging folder was handed back, unchanged pages are kept.
        site.file("content/2016/hong.md", "---\ntitle: Hỏng\ndate: không phải ngày\n---\n\nx\n");
        Object before = inode(page);
        assertThat(site.buildWithCache().succeeded()).isFalse();
        site.delete("content/2016/hong.md");
        InlineSite.Built fixed = site.buildWithCache();
        assertThat(fixed.fullBuildReason()).isNull();
        assertThat(fixed.changedPaths()).doesNotContain("2015/01/bai-so-1-ve-thi-dua/index.html");
        assertThat(inode(page)).isEqualTo(before);
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
        try (Stream<Path> siblings = Files.list(site.output().getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).doesNotContain(".public.old")
                    .noneMatch(name -> name.startsWith(".public.staging-"));
        }
    }

    /**
     * A build killed while the kept copies were its staging folder leaves them as a staging
     * leftover, which the next start deletes: the next build reuses the published files instead
     * (they are the recorded ones), makes only what changed, and keeps every file again.
     */
    @Test
    void aBuildKilledWhileTheCopiesWereItsStagingFolderStillLeavesTheNextOneItsFiles() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        site.buildWithCache();
        site.buildWithCache(); // the copies and the published site have swapped places once
        // Killed half way: the copies had been renamed into a staging folder beside public/.
        Files.move(mirror(site), site.output().resolveSibling(".public.staging-killed"));
        String unchanged = "css/style.css";
        Object before = inode(site.output().resolve(unchanged));
        int files = tree(site.output()).size();

        site.file("content/2015/bai-3.md", article("Bài số 3 về thi đua", "2015-03-10", "Hội nghị", "Đoạn văn đã sửa."));
        InlineSite.Built next = site.buildWithCache();
        assertThat(next.messages()).isEmpty();
        assertThat(next.fullBuildReason()).isNull();
        assertThat(next.changedPaths()).contains("2015/03/bai-so-3-ve-thi-dua/index.html").doesNotContain(unchanged)
                .hasSizeLessThan(files / 2);
        assertThat(inode(site.output().resolve(unchanged))).as("the published file reused").isEqualTo(before);
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
        assertThat(tree(mirror(site))).as("every file kept again").isEqualTo(tree(site.output()));
        assertThat(Files.exists(site.output().resolveSibling(".public.staging-killed"))).isFalse();

        InlineSite.Built after = site.buildWithCache();
        assertThat(after.changedPaths()).isEmpty();
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    /**
     * {@code .gazette/} on another file system than the output (a RAM disk for public/): no
     * copies are kept, public/ itself is what the next build reuses, and without it the build is
     * a full one that says why.
     */
    @Test
    void acrossFileSystemsThePublishedSiteIsReusedAndNothingIsCopied() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        InlineSite.Built first = site.buildWithCacheOnAnotherFileSystem();
        assertThat(first.messages()).isEmpty();
        assertThat(BuildStateFile.read(stateFile(site)).mirrored()).isFalse();
        assertThat(Files.exists(mirror(site))).isFalse();

        String untouched = "css/style.css";
        Object before = inode(site.output().resolve(untouched));
        site.file("content/2015/bai-3.md", article("Bài số 3, sửa lại", "2015-03-10", "Hội nghị, Mới", "Đoạn văn đã sửa."));
        site.file("content/2016/bai-moi.md", article("Bài mới", "2016-01-05", "Thi đua", "Một bài mới về thi đua."));
        site.delete("content/2015/bai-2.md");
        InlineSite.Built edited = site.buildWithCacheOnAnotherFileSystem();
        assertThat(edited.fullBuildReason()).isNull();
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
        // Reused from public/ by a link, not made again.
        assertThat(inode(site.output().resolve(untouched))).isEqualTo(before);
        assertThat(Files.exists(mirror(site))).isFalse();

        // A published file changed in place is made again.
        Files.writeString(site.output().resolve(untouched), "changed by hand", java.nio.file.StandardOpenOption.APPEND);
        assertThat(site.buildWithCacheOnAnotherFileSystem().fullBuildReason()).isNull();
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));

        // A published file replaced by another of the same size and second (another tool, another
        // build) is not the recorded one: made again.
        replaceBySameSizeAndSecond(site.output().resolve("2015/01/bai-so-1-ve-thi-dua/index.html"));
        assertThat(site.buildWithCacheOnAnotherFileSystem().fullBuildReason()).isNull();
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));

        // Without public/ nothing is left to reuse: a full build, and the line says why.
        deleteTree(site.output());
        site.file("content/2016/bai-moi-hai.md", article("Bài mới hai", "2016-02-05", "Hội nghị", "Một bài nữa."));
        InlineSite.Built fresh = site.buildWithCacheOnAnotherFileSystem();
        assertThat(fresh.fullBuildReason()).matches(
                ".*public is gone and the build cache keeps no copy of it \\(it was on another file system than .*\\)");
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));

        // Back on one file system: the next build keeps a link to every file again.
        assertThat(site.buildWithCache().fullBuildReason()).isNull();
        assertThat(BuildStateFile.read(stateFile(site)).mirrored()).isTrue();
        assertThat(tree(mirror(site))).isEqualTo(tree(site.output()));
        deleteTree(site.output());
        site.delete("content/2016/bai-moi.md");
        assertThat(site.buildWithCache().fullBuildReason()).isNull();
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));

        // And from links to none: the copies go, public/ is the source again.
        site.file("content/2016/bai-moi.md", article("Bài mới", "2016-01-05", "Thi đua", "Trở lại."));
        assertThat(site.buildWithCacheOnAnotherFileSystem().fullBuildReason()).isNull();
        assertThat(Files.exists(mirror(site))).isFalse();
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    private static Object inode(Path file) throws IOException {
        return Files.getAttribute(file, "unix:ino");
    }

    private Path mirror(InlineSite site) {
        return site.project().resolve(".gazette/cache/build/site");
    }

    /**
     * The last build's files are put into the staging folder on a thread of their own while the
     * content is read and the site model made (a fresh checkout: linked from the kept copies one
     * by one): no such link is made by the thread that runs the build, and the site is a clean
     * build's.
     */
    @Test
    void theLastBuildsFilesAreRestoredOnAThreadOfTheirOwn() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        site.buildWithCache();
        deleteTree(site.output());
        site.file("content/2016/bai-moi.md", article("Bài mới", "2016-01-05", "Thi đua", "Một bài mới về thi đua."));
        Thread building = Thread.currentThread();
        java.util.Set<Thread> linking = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Path kept = mirror(site).toAbsolutePath().normalize();
        InlineSite.Built fresh = site.buildWithCache((existing, link) -> {
            if (existing.toAbsolutePath().normalize().startsWith(kept)) {
                linking.add(Thread.currentThread()); // restoring; the save links the other way
            }
            OutputMirror.HARD_LINKS.link(existing, link);
        });
        assertThat(fresh.fullBuildReason()).isNull();
        assertThat(linking).as("the kept files were linked").isNotEmpty().doesNotContain(building);
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    /**
     * The content cache's index is written as soon as the content stage is done with it, beside
     * the rest of the build (its entries are keyed by the files' bytes, right whatever becomes of
     * the build): a build that then fails on another file still keeps the files it read, so the
     * next one parses only the file that failed, and makes a clean build's site.
     */
    @Test
    void aBuildThatFailsStillKeepsTheFilesItRead() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        site.buildWithCache();
        site.file("content/2016/bai-moi.md", article("Bài mới", "2016-01-05", "Thi đua", "Một bài mới về thi đua."));
        site.file("content/2016/hong.md", "---\ntitle: Hỏng\ndate: không phải ngày\n---\n\nNội dung.\n");
        InlineSite.Built failed = site.buildWithCache();
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.parsedFiles()).isEqualTo(2);
        site.file("content/2016/hong.md", article("Đã sửa", "2016-01-06", "Hội nghị", "Nội dung đã sửa."));
        InlineSite.Built fixed = site.buildWithCache();
        assertThat(fixed.succeeded()).isTrue();
        assertThat(fixed.fullBuildReason()).isNull();
        assertThat(fixed.parsedFiles()).as("only the file that failed").isEqualTo(1);
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    /**
     * A restoring that fails ends the build with its own error once it is done (the staging
     * folder is not deleted under it), the published site stays, and the next build still makes
     * a clean build's site.
     */
    @Test
    void aRestoringThatFailsEndsTheBuildAndTheNextOneIsStillRight() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        InlineSite.Built first = site.buildWithCache();
        Map<String, String> published = tree(site.output());
        deleteTree(site.output());
        site.file("content/2016/bai-moi.md", article("Bài mới", "2016-01-05", "Thi đua", "Một bài mới về thi đua."));
        IllegalStateException broken = new IllegalStateException("the disk went away");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> site.buildWithCache((existing, link) -> {
            throw broken;
        })).isSameAs(broken);
        assertThat(Files.exists(site.output())).isFalse();
        try (Stream<Path> beside = Files.list(site.output().getParent())) {
            assertThat(beside.map(p -> p.getFileName().toString())).as("no staging folder left behind")
                    .noneMatch(name -> name.contains("staging"));
        }

        InlineSite.Built next = site.buildWithCache();
        assertThat(next.messages()).isEmpty();
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site)).isNotEqualTo(published);
        assertThat(first.messages()).isEmpty();
    }

    /**
     * {@code gazette build} begins its start (the cache opened, the staging folder made, the last
     * build's files being restored into it) beside the site's opening: when the opening then fails
     * (a template that does not compile), the start is undone. The published site stays as it
     * was, no staging folder is left, the kept copies that became the staging folder are kept
     * copies again, and the cache's lock is released: the build after the fix reuses them.
     */
    @Test
    void aSiteThatFailsToOpenUndoesTheBuildsStartAndTheNextBuildStillReusesTheCache() throws IOException {
        InlineSite site = site(temp.resolve("a")).file("site.yml", SITE_YML + "theme: own\n");
        Path templates = site.project().resolve("themes/own/templates");
        TestSites.copyTree(TestSites.themes().resolve("default"), site.project().resolve("themes/own"));
        assertThat(site.buildWithCache().messages()).isEmpty();
        Map<String, String> published = tree(site.output());
        byte[] home = Files.readAllBytes(templates.resolve("home.peb"));
        Files.writeString(templates.resolve("home.peb"), "{% if %}");

        InlineSite.Built failed = site.buildWithCache();
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.messages()).anySatisfy(message -> assertThat(message).startsWith("themes/own/templates/home.peb"));
        assertThat(tree(site.output())).isEqualTo(published);
        try (Stream<Path> beside = Files.list(site.output().getParent())) {
            assertThat(beside.map(p -> p.getFileName().toString())).as("no staging folder left behind")
                    .noneMatch(name -> name.contains("staging"));
        }
        assertThat(mirror(site)).as("the kept copies taken back").isDirectory();

        Files.write(templates.resolve("home.peb"), home); // the theme of the last build again: the same key
        site.file("content/2016/bai-moi.md", article("Bài mới", "2016-01-05", "Thi đua", "Một bài mới về thi đua."));
        InlineSite.Built fixed = site.buildWithCache();
        assertThat(fixed.messages()).isEmpty();
        assertThat(fixed.fullBuildReason()).isNull();
        assertThat(fixed.parsedFiles()).as("only the new article").isEqualTo(1);
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    @Test
    void aKeptFileChangedInPlaceIsMadeAgain() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        site.buildWithCache();
        // public/ and the kept copies share their bytes: an edit in place reaches both.
        Path page = site.output().resolve("2015/01/bai-so-1-ve-thi-dua/index.html");
        Files.writeString(page, "changed by hand", java.nio.file.StandardOpenOption.APPEND);
        InlineSite.Built again = site.buildWithCache();
        assertThat(again.fullBuildReason()).isNull();
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    @Test
    void aDamagedCacheGivesAFullBuildAndSaysSo() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        site.buildWithCache();
        Path state = stateFile(site);
        byte[] bytes = Files.readAllBytes(state);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(state, bytes);
        site.file("content/2016/bai-moi.md", article("Bài mới", "2016-01-05", "Thi đua", "Một bài mới."));
        InlineSite.Built built = site.buildWithCache();
        assertThat(built.fullBuildReason()).matches("the build cache .*state is damaged \\(its checksum does not match\\)");
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));

        Files.write(state, "not a state at all".getBytes(StandardCharsets.UTF_8));
        assertThat(site.buildWithCache().fullBuildReason()).endsWith("is damaged (it is not a Gazette build state)");
        Files.write(state, java.util.Arrays.copyOf(Files.readAllBytes(state), 0));
        assertThat(site.buildWithCache().fullBuildReason()).endsWith("is damaged (it is cut short)");
        assertThat(site.buildWithCache().fullBuildReason()).isNull();
    }

    @Test
    void aCacheOfAnotherGazetteGivesAFullBuild() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        site.buildWithCache();
        Path state = stateFile(site);
        BuildStateFile.State saved = BuildStateFile.read(state);
        CacheKey key = saved.key();
        // Claims every page is current: only the key tells this state apart.
        BuildStateFile.write(state, new BuildStateFile.State(new CacheKey("Gazette 0.0.1", key.theme(), key.settings()),
                saved.mirrored(), saved.files()));
        site.file("content/2015/bai-1.md", article("Bài số 1, sửa", "2015-01-10", "Hội nghị", "Đã sửa."));
        InlineSite.Built built = site.buildWithCache();
        assertThat(built.fullBuildReason()).startsWith("the build cache was made by another Gazette (Gazette 0.0.1; this is ");
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    @Test
    void aChangedThemeOrSiteYmlGivesAFullBuild() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        TestSites.copyTree(TestSites.themes().resolve("default"), site.project().resolve("themes/default"));
        site.buildWithCache();
        Path footer = site.project().resolve("themes/default/templates/base.peb");
        Files.writeString(footer, Files.readString(footer).replace("</body>", "<!-- sửa --></body>"));
        InlineSite.Built theme = site.buildWithCache();
        assertThat(theme.fullBuildReason()).isEqualTo("the theme changed since the last build");
        assertThat(site.buildWithCache().fullBuildReason()).isNull();

        site.file("site.yml", SITE_YML.replace("Tin tức", "Tin tức mới"));
        InlineSite.Built config = site.buildWithCache();
        assertThat(config.fullBuildReason()).isEqualTo("site.yml or the build's options changed since the last build");
        assertThat(config.page("index.html")).contains("Tin tức mới");
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    @Test
    void aNewPageClaimingTheFileOfAnUnchangedOneIsStillAnError() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        assertThat(site.buildWithCache().succeeded()).isTrue();
        site.file("content/2016/chiem.md", "---\ntitle: Chiếm\ndate: 2016-01-01\naliases: [/tim-kiem/]\n---\n\nx\n");
        InlineSite.Built built = site.buildWithCache();
        assertThat(built.succeeded()).isFalse();
        assertThat(built.messages()).anyMatch(m -> m.contains("two pages were written to the same output file tim-kiem/index.html"));
        site.delete("content/2016/chiem.md");
        assertThat(site.buildWithCache().succeeded()).isTrue();
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    @Test
    void aBuildWhileAnotherHoldsTheCacheNeitherReadsNorKeepsIt() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        site.buildWithCache();
        byte[] state = Files.readAllBytes(stateFile(site));
        Path lockFile = site.project().resolve(".gazette/cache/build/lock");
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.WRITE); var held = channel.lock()) {
            site.file("content/2016/bai-moi.md", article("Bài mới", "2016-01-05", "Thi đua", "Một bài mới."));
            InlineSite.Built built = site.buildWithCache();
            assertThat(built.fullBuildReason()).startsWith("another Gazette build is using the build cache in ");
            assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
            assertThat(Files.readAllBytes(stateFile(site))).isEqualTo(state);
        }
        assertThat(site.buildWithCache().fullBuildReason()).isNull();
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    @Test
    void unchangedArticlesAreNotParsedAgainEvenInAFreshCheckout() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        assertThat(site.buildWithCache().parsedFiles()).isEqualTo(8);
        assertThat(site.buildWithCache().parsedFiles()).isZero();

        // A fresh CI checkout: every file written again (new times), no public/; the cache restored.
        try (Stream<Path> files = Files.walk(site.project().resolve("content"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.write(file, Files.readAllBytes(file));
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 3_600_000));
            }
        }
        deleteTree(site.output());
        InlineSite.Built fresh = site.buildWithCache();
        assertThat(fresh.fullBuildReason()).isNull();
        assertThat(fresh.parsedFiles()).isZero();
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));

        site.file("content/2015/bai-3.md", article("Bài số 3 về thi đua", "2015-03-10", "Hội nghị", "Đoạn văn đã sửa."));
        InlineSite.Built body = site.buildWithCache();
        assertThat(body.parsedFiles()).isEqualTo(1);
        assertThat(body.page("2015/03/bai-so-3-ve-thi-dua/index.html")).contains("Đoạn văn đã sửa.");
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));

        site.file("content/2015/bai-4.md", article("Bài số 4, tiêu đề mới", "2015-04-10", "Thi đua, Khen thưởng",
                "Đoạn văn **4** về khen thưởng và hội nghị."));
        site.file("content/2016/bai-moi.md", article("Bài mới", "2016-01-05", "Thi đua", "Một bài mới về thi đua."));
        InlineSite.Built title = site.buildWithCache();
        assertThat(title.parsedFiles()).isEqualTo(2);
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    @Test
    void aFileRewrittenInPlaceWithItsSizeAndTimeIsStillSeenToChange() throws Exception {
        InlineSite site = site(temp.resolve("a"));
        Thread.sleep(2_100); // the files settle: their stats are kept for the next build
        assertThat(site.buildWithCache().parsedFiles()).isEqualTo(8);
        assertThat(site.buildWithCache().parsedFiles()).isZero(); // found by their stats
        Path file = site.project().resolve("content/2015/bai-5.md");
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
        String text = Files.readString(file);
        assertThat(text).contains("**5**");
        // Same size, same inode (written in place), same modification time: only the change time moves.
        Files.writeString(file, text.replace("**5**", "**6**"));
        Files.setLastModifiedTime(file, time);
        InlineSite.Built edited = site.buildWithCache();
        assertThat(edited.parsedFiles()).isEqualTo(1);
        assertThat(edited.page("2015/05/bai-so-5-ve-thi-dua/index.html")).contains("<strong>6</strong>");
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    @Test
    void filesWithWarningsAndBundlesAreParsedByEveryBuildAndTheirWarningsKept() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        site.file("content/2015/loi-go.md", "---\ntitle: Lỗi gõ\ndate: 2015-09-01\ntag: [Hội nghị]\n---\n\nNội dung.\n");
        // A bundle's result depends on the files of its folder too, even when it has none yet.
        site.file("content/2015/goi-bai/index.md", "---\ntitle: Gói bài\ndate: 2015-10-01\n---\n\nNội dung.\n");
        InlineSite.Built first = site.buildWithCache();
        assertThat(first.messages()).singleElement().asString().contains("content/2015/loi-go.md:4: warning: unknown key `tag`");
        InlineSite.Built second = site.buildWithCache();
        assertThat(second.parsedFiles()).isEqualTo(2);
        assertThat(second.messages()).isEqualTo(first.messages());
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
    }

    @Test
    void aDamagedContentCacheIsAMissOrAFullBuildNeverAWrongSite() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        site.buildWithCache();
        Path data = site.project().resolve(".gazette/cache/build/content.data");
        byte[] bytes = Files.readAllBytes(data);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("<strong>3</strong>");
        assertThat(at).isPositive();
        bytes[at + "<strong>".length()] = 'X';
        Files.write(data, bytes);
        site.file("content/2016/bai-moi.md", article("Bài mới", "2016-01-05", "Hội nghị", "Một bài mới."));
        InlineSite.Built entry = site.buildWithCache();
        assertThat(entry.fullBuildReason()).isNull();
        assertThat(entry.parsedFiles()).isEqualTo(2); // the new article and the damaged one
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));

        Path index = site.project().resolve(".gazette/cache/build/content.index");
        byte[] saved = Files.readAllBytes(index);
        saved[saved.length - 22] ^= 1; // in the last entry, before the (empty) list of settled files and the sum
        Files.write(index, saved);
        InlineSite.Built damaged = site.buildWithCache();
        assertThat(damaged.fullBuildReason())
                .matches("the build cache .*content.index is damaged \\(its checksum does not match\\)");
        assertThat(damaged.parsedFiles()).isEqualTo(9);
        assertThat(tree(site.output())).isEqualTo(cleanBuildOf(site));
        assertThat(site.buildWithCache().parsedFiles()).isZero();
    }

    private Path stateFile(InlineSite site) {
        return site.project().resolve(".gazette/cache/build/state");
    }

    /** The output of a build of a copy of {@code site}'s project, without any cache. */
    private Map<String, String> cleanBuildOf(InlineSite site) throws IOException {
        Path dir = Files.createTempDirectory(temp, "clean-");
        InlineSite clean = InlineSite.in(dir);
        TestSites.copyTree(site.project().resolve("site.yml"), clean.project().resolve("site.yml"));
        TestSites.copyTree(site.project().resolve("content"), clean.project().resolve("content"));
        if (Files.isDirectory(site.project().resolve("themes"))) {
            TestSites.copyTree(site.project().resolve("themes"), clean.project().resolve("themes"));
        }
        InlineSite.Built built = clean.build();
        assertThat(built.succeeded()).isTrue();
        return tree(built.output());
    }

    /** Every file and folder of a tree: files as text (UTF-8), folders as "/" (an empty one left behind counts). */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                String name = root.relativize(path).toString().replace('\\', '/');
                files.put(name, Files.isDirectory(path) ? "/"
                        : new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Replaces {@code page} by a file of the same size and modification second but other bytes,
     * written while the old one exists, so it has another inode: what another tool or another
     * build leaves.
     */
    private static void replaceBySameSizeAndSecond(Path page) throws IOException {
        byte[] bytes = Files.readAllBytes(page);
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(page);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("</body>");
        bytes[at + 2] = 'B';
        Path replacement = page.resolveSibling("replacement");
        Files.write(replacement, bytes);
        Files.setLastModifiedTime(replacement, time);
        Files.move(replacement, page, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
