package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.content.ContentLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing's walk: files in the order of their whole path's text, each given as the walk finds it. */
class ContentListingTest {
    @TempDir
    Path temp;

    @Test
    void theWalkListsInPathOrderAndGivesEachFileAsItFindsIt() throws Exception {
        Path project = temp.toAbsolutePath().normalize();
        Path content = Files.createDirectories(project.resolve("content"));
        Files.createDirectories(content.resolve("a"));
        Files.createDirectories(content.resolve("a-b"));
        Path plain = Files.writeString(content.resolve("a/z.md"), "---\ntitle: Z\n---\n");
        Files.writeString(content.resolve("a-b/y.md"), "---\ntitle: Y\n---\n");
        Files.writeString(content.resolve("a.md"), "---\ntitle: A\n---\n");
        Path linked = Files.createSymbolicLink(content.resolve("b.md"), plain);
        ContentListing listing = new ContentListing(new ContentLoader(project, content, ZoneId.of("UTC")), project,
                content);

        List<Path> given = new ArrayList<>();
        listing.listAll(given::add);

        List<String> sorted = new ArrayList<>(List.of(content.resolve("a/z.md").toString(),
                content.resolve("a-b/y.md").toString(), content.resolve("a.md").toString(), linked.toString()));
        sorted.sort(null);
        assertThat(listing.files()).extracting(Path::toString).containsExactlyElementsOf(sorted);
        // Each listed file given once, as the walk found it.
        assertThat(given).containsExactlyInAnyOrderElementsOf(listing.files());

        listing.settle();
        listing.listAll();
        Path added = Files.writeString(content.resolve("a/x.md"), "---\ntitle: X\n---\n");
        List<Path> toRead = new ArrayList<>();
        assertThat(listing.update(Set.of(added), toRead, new ArrayList<>())).isTrue();
        assertThat(toRead).containsExactly(added);
        assertThat(listing.files()).extracting(Path::toString).containsSubsequence(content.resolve("a.md").toString(),
                added.toString(), plain.toString(), linked.toString());
    }
}
