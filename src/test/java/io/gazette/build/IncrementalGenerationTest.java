package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.output.MemorySink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long-lived build session re-renders only what an edit touches, and the result equals a full build. */
class IncrementalGenerationTest {
    @TempDir
    Path temp;

    @Test
    void editingOneArticleRewritesOnlyThePagesThatShowIt() throws Exception {
        Path project = TestSites.copy("basic", temp.resolve("site"));
        SiteBuild session = SiteBuild.open(TestSites.options(project, temp.resolve("unused")));
        MemorySink sink = new MemorySink();
        BuildResult first = session.generate(sink, null, System.nanoTime());
        assertThat(first.changedPaths()).contains("index.html", "feed.xml", "css/style.css");

        Path article = project.resolve("content/2015/giao-duc.md");
        Files.writeString(article, Files.readString(article).replace("quốc sách hàng đầu", "quốc sách hàng đầu, mãi mãi"));
        BuildResult second = session.generate(sink, Set.of(article), System.nanoTime());

        assertThat(second.changedPaths())
                .contains("2015/01/giao-duc-va-phat-trien/index.html", "feed.xml", "index.html")
                // the neighbour shows only its title, which did not change
                .doesNotContain("2014/08/hoi-nghi-thi-dua-khen-thuong-nam-2014/index.html",
                        "css/style.css", "tu-khoa/hoi-nghi/index.html", "404.html");
        assertThat(new String(sink.contents().get("2015/01/giao-duc-va-phat-trien/index.html"), StandardCharsets.UTF_8))
                .contains("mãi mãi");
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.contents()));
    }

    @Test
    void addingAndDeletingArticlesUpdatesListsAndRemovesPages() throws Exception {
        Path project = TestSites.copy("basic", temp.resolve("site"));
        SiteBuild session = SiteBuild.open(TestSites.options(project, temp.resolve("unused")));
        MemorySink sink = new MemorySink();
        session.generate(sink, null, System.nanoTime());

        Path added = project.resolve("content/2015/moi.md");
        Files.writeString(added, "---\ntitle: Bài mới\ndate: 2015-06-01\ntags: [Mới]\n---\nNội dung mới.\n");
        BuildResult afterAdd = session.generate(sink, Set.of(added), System.nanoTime());
        assertThat(afterAdd.changedPaths()).contains("2015/06/bai-moi/index.html", "tu-khoa/moi/index.html", "index.html");
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.contents()));

        Files.delete(added);
        BuildResult afterDelete = session.generate(sink, Set.of(added), System.nanoTime());
        assertThat(afterDelete.changedPaths()).contains("2015/06/bai-moi/index.html", "tu-khoa/moi/feed.xml");
        assertThat(sink.contents()).doesNotContainKey("2015/06/bai-moi/index.html");
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.contents()));
    }

    @Test
    void aBrokenEditReportsProblemsAndKeepsTheLastGoodFingerprints() throws Exception {
        Path project = TestSites.copy("basic", temp.resolve("site"));
        SiteBuild session = SiteBuild.open(TestSites.options(project, temp.resolve("unused")));
        MemorySink sink = new MemorySink();
        session.generate(sink, null, System.nanoTime());
        Path article = project.resolve("content/2015/giao-duc.md");
        String good = Files.readString(article);
        Files.writeString(article, good.replace("title: Giáo dục và phát triển", "title: [unclosed"));
        BuildResult broken = session.generate(new MemorySink(), Set.of(article), System.nanoTime());
        assertThat(broken.problems().hasErrors()).isTrue();
        Files.writeString(article, good);
        BuildResult fixed = session.generate(sink, Set.of(article), System.nanoTime());
        assertThat(fixed.problems().hasErrors()).isFalse();
        assertThat(fullBuildOf(project)).isEqualTo(asText(sink.contents()));
    }

    private Map<String, String> fullBuildOf(Path project) throws Exception {
        MemorySink fresh = new MemorySink();
        SiteBuild.open(TestSites.options(project, temp.resolve("unused"))).generate(fresh, null, System.nanoTime());
        return asText(fresh.contents());
    }

    private static Map<String, String> asText(Map<String, byte[]> files) {
        Map<String, String> text = new TreeMap<>();
        files.forEach((path, bytes) -> text.put(path, new String(bytes, StandardCharsets.UTF_8)));
        return text;
    }
}
