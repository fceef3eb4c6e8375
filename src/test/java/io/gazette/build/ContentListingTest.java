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

/** The listing's walk: files in the order of their whole path's text, each with the stat its walk read. */
class ContentListingTest {
    @TempDir
    Path temp;

    @Test
    void theWalkListsInPathOrderAndKeepsEachPlainFilesStatUntilTheListingSettles() throws Exception {
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

        listing.listAll();

        List<String> sorted = new ArrayList<>(List.of(content.resolve("a/z.md").toString(),
                content.resolve("a-b/y.md").toString(), content.resolve("a.md").toString(), linked.toString()));
        sorted.sort(null);
        assertThat(listing.files()).extracting(Path::toString).containsExactlyElementsOf(sorted);
        assertThat(listing.walkStat(plain)).isNotNull().isEqualTo(FileStat.of(plain));
        assertThat(listing.walkStat(linked)).isNull(); // stated through the link when it is read
        assertThat(listing.walkNanos()).isPositive();

        listing.settle();
        assertThat(listing.walkStat(plain)).isNull();

        listing.listAll();
        Path added = Files.writeString(content.resolve("a/x.md"), "---\ntitle: X\n---\n");
        List<Path> toRead = new ArrayList<>();
        assertThat(listing.update(Set.of(added), toRead, new ArrayList<>())).isTrue();
        assertThat(toRead).containsExactly(added);
        assertThat(listing.walkStat(plain)).isNull(); // an update states what it reads itself
        assertThat(listing.files()).extracting(Path::toString).containsSubsequence(content.resolve("a.md").toString(),
                added.toString(), plain.toString(), linked.toString());
    }
}
