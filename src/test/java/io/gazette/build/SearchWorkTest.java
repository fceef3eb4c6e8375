package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.config.BuildOverrides;
import io.gazette.problems.BuildFailedException;
import io.gazette.search.RelatedKeeper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchWorkTest {
    @TempDir
    Path temp;

    private static String article(String title, String date, String tags) {
        return "---\ntitle: \"" + title + "\"\ndate: " + date + "\ncategory: Thời sự\ntags: [" + tags + "]\n---\n\n"
                + "Đoạn văn về " + title.toLowerCase() + ", khen thưởng và hội nghị.\n";
    }

    private static InlineSite site(Path dir) {
        InlineSite site = InlineSite.in(dir).file("site.yml", "title: Tin tức\nbaseUrl: https://example.org/\npageSize: 2\n");
        for (int i = 1; i <= 9; i++) {
            site.file("content/2015/bai-" + i + ".md", article("Bài số " + i + " về thi đua", "2015-0" + i + "-10",
                    i % 2 == 0 ? "Thi đua, Khen thưởng" : "Hội nghị"));
        }
        return site;
    }

    /** A deletion and a title edit: what renumbers the static index's documents. */
    private static void edit(InlineSite site) {
        site.delete("content/2015/bai-3.md");
        site.file("content/2015/bai-6.md", article("Sửa: bài số 6 về thi đua", "2015-06-10", "Thi đua"));
    }

    @Test
    void aFirstBuildsAndAnEditsExportStartBesideTheRelatedListsAndTheEditsSiteIsAFullBuilds() throws IOException {
        InlineSite site = site(temp.resolve("a"));
        int before = SearchWork.exportsBesideRelated.get();
        InlineSite.Built first = site.buildWithCache();
        assertThat(first.messages()).isEmpty();
        assertThat(SearchWork.exportsBesideRelated.get()).as("a first build's export starts beside the related lists")
                .isEqualTo(before + 1);

        edit(site);
        InlineSite.Built edited = site.buildWithCache();
        assertThat(edited.messages()).isEmpty();
        assertThat(edited.fullExportReason()).as("the last export updated").isNull();
        assertThat(SearchWork.exportsBesideRelated.get()).as("the edit's export started beside the related lists")
                .isEqualTo(before + 2);

        InlineSite clean = site(temp.resolve("clean"));
        edit(clean);
        assertSameFiles(edited.files(), clean.build().files());
    }

    /**
     * An archive above the threshold (lowered to 2 for 9 articles, as 25,000 is for 100,000): the
     * export starts after the related lists, the last build's files are awaited only when the
     * output is first wanted (after the search), and the related lists are kept for the next
     * process on a thread of their own. Each build is a new session, as each {@code gazette build}
     * is a new process: the edit's related lists come from the file the first build kept.
     */
    @Test
    void aLargeArchivesExportStartsAfterTheRelatedListsAndItsKeptListsServeTheNextProcess() throws Exception {
        InlineSite site = site(temp.resolve("a"));
        int before = SearchWork.exportsBesideRelated.get();
        SiteBuild first = largeArchiveBuild(site);
        BuildResult firstResult = first.buildToDirectory();
        assertThat(firstResult.problems().sorted()).isEmpty();
        assertThat(first.relatedReport()).as("a first build computes every list").isNull();
        Path kept = site.project().resolve(".gazette/cache").resolve(RelatedKeeper.FILE_NAME);
        assertThat(keepingThreadsAlive()).as("the related lists' writing is awaited before the build ends").isZero();
        assertThat(Files.size(kept)).as("the related lists are kept for the next build").isPositive();

        edit(site);
        SiteBuild edited = largeArchiveBuild(site);
        BuildResult editedResult = edited.buildToDirectory();
        assertThat(editedResult.problems().sorted()).isEmpty();
        assertThat(edited.fullBuildReason()).as("the last build's files were restored").isNull();
        assertThat(editedResult.stats().stageMillis()).as("and awaited when the output was wanted")
                .containsKey("build cache: restore, waited for");
        assertThat(edited.relatedFullReason()).as("the kept lists could be used").isNull();
        assertThat(edited.relatedReport()).as("the edit updated the lists the first build kept").isNotNull();
        assertThat(edited.fullExportReason()).as("the last export updated").isNull();
        assertThat(keepingThreadsAlive()).isZero();
        assertThat(SearchWork.exportsBesideRelated.get()).as("no export started beside the related lists")
                .isEqualTo(before);

        InlineSite clean = site(temp.resolve("clean"));
        edit(clean);
        assertSameFiles(TestSites.tree(site.output()), clean.build().files());
    }

    /** {@code gazette build} of {@code site} as if it held more than {@link SearchWork#EXPORT_BESIDE_RELATED_UP_TO} articles. */
    private static SiteBuild largeArchiveBuild(InlineSite site) throws IOException, BuildFailedException {
        return SiteBuild.open(TestSites.options(site.project(), new BuildOverrides(null, site.output(), null, null)),
                OutputMirror.HARD_LINKS, 2);
    }

    private static long keepingThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("gazette-related-keep") && t.isAlive()).count();
    }

    private static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (Map.Entry<String, byte[]> file : expected.entrySet()) {
            assertThat(Arrays.equals(actual.get(file.getKey()), file.getValue())).as(file.getKey()).isTrue();
        }
    }
}
