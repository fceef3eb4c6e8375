package io.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The photo cache across builds: each build is a new {@link MediaCache} on the same folder, as
 * each {@code gazette build} is a new process; the photos are real JPEGs made here.
 */
class MediaCacheTest {
    private static final Instant AN_HOUR_AGO = Instant.now().minusSeconds(3600);

    @TempDir
    Path temp;

    @Test
    void anUntouchedPhotoCostsAStatAndAnEditedOneOfTheSameSizeIsResizedAgain() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("site/content/2014/hoi-nghi"));
        byte[][] photos = sameSize(photo(Color.RED), photo(Color.GREEN));
        Path anh = write(dir.resolve("anh.jpg"), photos[0], AN_HOUR_AGO);
        Path other = write(dir.resolve("khac.jpg"), photo(Color.BLUE), AN_HOUR_AGO);

        Path firstCopy = build(anh, 1, 1);
        build(other, 1, 1);
        assertThat(build(anh, 0, 0)).as("untouched: neither read nor resized").isEqualTo(firstCopy);

        // Edited in place to the same size: only its time tells, and that is enough.
        write(anh, photos[1], AN_HOUR_AGO.plusSeconds(60));
        assertThat(Files.size(anh)).isEqualTo(photos[0].length);
        Path secondCopy = build(anh, 1, 1);
        assertThat(secondCopy).isNotEqualTo(firstCopy);
        assertThat(Files.readAllBytes(secondCopy)).isNotEqualTo(Files.readAllBytes(firstCopy));
        assertThat(build(anh, 0, 0)).isEqualTo(secondCopy);
        assertThat(build(other, 0, 0)).as("the other photo's entry survived the edit").isNotNull();

        // Back to the first content, under yet another time: hashed again, found in the cache.
        write(anh, photos[0], AN_HOUR_AGO.plusSeconds(120));
        assertThat(build(anh, 1, 0)).isEqualTo(firstCopy);
    }

    @Test
    void aPhotoSavedJustNowIsHashedUntilItHasSettled() throws Exception {
        // On a file system with coarse times, a second save in the same tick would keep the time.
        Path anh = Files.write(Files.createDirectories(temp.resolve("site/content/a")).resolve("anh.jpg"), photo(Color.RED));
        build(anh, 1, 1);
        build(anh, 1, 0);
        Files.setLastModifiedTime(anh, FileTime.from(AN_HOUR_AGO));
        build(anh, 1, 0);
        build(anh, 0, 0);
    }

    @Test
    void aDamagedIndexIsIgnoredWithOneLineAndWrittenAgain() throws Exception {
        Path anh = write(Files.createDirectories(temp.resolve("site/content/a")).resolve("anh.jpg"), photo(Color.RED),
                AN_HOUR_AGO);
        build(anh, 1, 1);
        Path index = temp.resolve("site/.gazette/media/sources");
        List<String> lines = Files.readAllLines(index);
        assertThat(lines).as("header, the photo's size and orientation, its key").hasSize(3).first().isEqualTo(SourceIndex.HEADER);
        Files.write(index, List.of(lines.get(0), lines.get(1), lines.get(2).substring(0, 30)));

        List<String> console = new ArrayList<>();
        long hashed = MediaCache.hashedSoFar();
        MediaResolver resolver = resolver(anh, new MediaCache(temp.resolve("site/.gazette"), console::add));
        resolver.result().files().get(0).photo().file(PhotoSettings.widthsFor(1200).get(0));
        assertThat(MediaCache.hashedSoFar() - hashed).isEqualTo(1);
        assertThat(console).singleElement().asString().startsWith(index + ":3: warning:").contains("ignored");
        assertThat(Files.readAllLines(index)).hasSize(3).first().isEqualTo(SourceIndex.HEADER);
        build(anh, 0, 0);

        Files.writeString(index, "not an index\n");
        console.clear();
        resolver(anh, new MediaCache(temp.resolve("site/.gazette"), console::add)).result().files().get(0).photo()
                .file(PhotoSettings.widthsFor(1200).get(0));
        assertThat(console).singleElement().asString().startsWith(index + ":1: warning:");
    }

    /**
     * One build of the article holding {@code photo}: a new cache on the site's {@code .gazette/},
     * the narrowest copy asked for; checks how many photos were read for their key and resized.
     */
    private Path build(Path photo, int hashed, int resized) throws Exception {
        long hashedBefore = MediaCache.hashedSoFar();
        long resizedBefore = PhotoJob.resizedSoFar();
        long probedBefore = MediaCache.probedSoFar();
        List<String> console = new ArrayList<>();
        MediaResolver resolver = resolver(photo, new MediaCache(temp.resolve("site/.gazette"), console::add));
        Path copy = resolver.result().files().get(0).photo().file(PhotoSettings.widthsFor(1200).get(0));
        assertThat(MediaCache.hashedSoFar() - hashedBefore).as("photos read for their key").isEqualTo(hashed);
        assertThat(MediaCache.probedSoFar() - probedBefore).as("photo headers read, when and only when the key is").isEqualTo(hashed);
        assertThat(PhotoJob.resizedSoFar() - resizedBefore).as("photos resized").isEqualTo(resized);
        assertThat(console).isEmpty();
        return copy;
    }

    private MediaResolver resolver(Path photo, MediaCache cache) {
        Path content = temp.resolve("site/content");
        Path article = photo.resolveSibling("index.md");
        MediaResolver resolver = new MediaResolver(content, article, temp.resolve("site").relativize(article), cache, "vi");
        assertThat(resolver.photo(photo.getFileName().toString(), 3)).isNotNull();
        assertThat(resolver.problems()).isEmpty();
        return resolver;
    }

    private static Path write(Path file, byte[] bytes, Instant modified) throws Exception {
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    /** A 1200 × 800 photo: a colour field with a stripe, so copies of two photos differ. */
    private static byte[] photo(Color colour) throws Exception {
        BufferedImage image = MediaFixtures.halves(1200, 800);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(100, 100, 600, 300);
        g.dispose();
        return MediaFixtures.jpeg(image);
    }

    /** The two JPEGs made the same length by a comment segment (FF FE) after the start marker. */
    private static byte[][] sameSize(byte[] a, byte[] b) {
        int length = Math.max(a.length, b.length) + 16;
        return new byte[][] {padded(a, length), padded(b, length)};
    }

    private static byte[] padded(byte[] jpeg, int length) {
        int segment = length - jpeg.length; // marker (2) + length field (2) + comment
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xFE);
        out.write((segment - 2) >> 8);
        out.write((segment - 2) & 0xFF);
        for (int i = 0; i < segment - 4; i++) {
            out.write('x');
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
