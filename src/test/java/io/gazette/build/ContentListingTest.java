package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.gazette.content.ContentLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing's walk: files in the order of their whole path's text, each given as found with the stat its walk read. */
class ContentListingTest {
    @TempDir
    Path temp;

    @Test
    void theWalkListsInPathOrderAndGivesEachFileWithTheStatItRead() throws Exception {
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

        Map<Path, FileStat> given = new LinkedHashMap<>();
        listing.listAll((file, stat) -> given.put(file, stat));

        List<String> sorted = new ArrayList<>(List.of(content.resolve("a/z.md").toString(),
                content.resolve("a-b/y.md").toString(), content.resolve("a.md").toString(), linked.toString()));
        sorted.sort(null);
        assertThat(listing.files()).extracting(Path::toString).containsExactlyElementsOf(sorted);
        // Each listed file given once, as the walk found it, with the stat the walk read.
        assertThat(given.keySet()).containsExactlyInAnyOrderElementsOf(listing.files());
        // The walk's stat is the one the public "unix:" view gives, field for field.
        assertThat(given.get(plain)).isNotNull().isEqualTo(FileStat.of(Files.readAttributes(plain, FileStat.ATTRIBUTES)));
        assertThat(given.get(linked)).isNull(); // stated through the link when it is read
        assertThat(listing.walkNanos()).isPositive();

        listing.settle();
        listing.listAll((file, stat) -> {
        });
        Path added = Files.writeString(content.resolve("a/x.md"), "---\ntitle: X\n---\n");
        List<Path> toRead = new ArrayList<>();
        assertThat(listing.update(Set.of(added), toRead, new ArrayList<>())).isTrue();
        assertThat(toRead).containsExactly(added);
        assertThat(listing.files()).extracting(Path::toString).containsSubsequence(content.resolve("a.md").toString(),
                added.toString(), plain.toString(), linked.toString());
    }
}
