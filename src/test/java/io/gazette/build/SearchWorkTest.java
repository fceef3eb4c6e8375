package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

    private static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (Map.Entry<String, byte[]> file : expected.entrySet()) {
            assertThat(Arrays.equals(actual.get(file.getKey()), file.getValue())).as(file.getKey()).isTrue();
        }
    }
}
