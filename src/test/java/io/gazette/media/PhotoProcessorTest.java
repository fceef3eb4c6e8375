package io.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.jpeg.JpegCommentDirectory;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoProcessorTest {
    @TempDir
    Path temp;

    @Test
    void makesEachWidthAndNeverUpscales() throws Exception {
        assertThat(PhotoSettings.widthsFor(3000)).containsExactly(480, 960, 1600);
        assertThat(PhotoSettings.widthsFor(1200)).containsExactly(480, 960, 1200);
        assertThat(PhotoSettings.widthsFor(960)).containsExactly(480, 960);
        assertThat(PhotoSettings.widthsFor(300)).containsExactly(300);

        Path file = MediaFixtures.write(temp.resolve("anh.jpg"), MediaFixtures.jpeg(MediaFixtures.halves(2000, 1000)));
        PhotoInfo info = PhotoProbe.probe(file);
        assertThat(info.width()).isEqualTo(2000);
        Map<Integer, byte[]> copies = PhotoProcessor.resize(file, info, List.of(480, 960, 1600));
        for (Map.Entry<Integer, byte[]> copy : copies.entrySet()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(copy.getValue()));
            assertThat(image.getWidth()).isEqualTo(copy.getKey());
            assertThat(image.getHeight()).isEqualTo(copy.getKey() / 2);
        }
    }

    @Test
    void turnsThePhotoUprightAsItsExifSays() throws Exception {
        // Stored 400×200, left half red; orientation 6 means "turn a quarter clockwise to view".
        Path file = MediaFixtures.write(temp.resolve("doc.jpg"),
                MediaFixtures.jpegWithExif(MediaFixtures.halves(400, 200), 6, null, null));
        PhotoInfo info = PhotoProbe.probe(file);
        assertThat(info.orientation()).isEqualTo(6);
        assertThat(info.width()).isEqualTo(200);
        assertThat(info.height()).isEqualTo(400);
        byte[] copy = PhotoProcessor.resize(file, info, List.of(200)).get(200);
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(copy));
        assertThat(upright.getWidth()).isEqualTo(200);
        assertThat(upright.getHeight()).isEqualTo(400);
        assertThat(reddish(upright.getRGB(100, 50))).as("top is the stored left half").isTrue();
        assertThat(reddish(upright.getRGB(100, 350))).as("bottom is the stored right half").isFalse();
    }

    @Test
    void stripsLocationAndCameraButKeepsTheCredit() throws Exception {
        Path file = MediaFixtures.write(temp.resolve("gps.jpg"),
                MediaFixtures.jpegWithExif(MediaFixtures.halves(600, 400), 1, "Quynh Anh", "(c) TTXVN"));
        Metadata original = ImageMetadataReader.readMetadata(file.toFile());
        assertThat(original.getFirstDirectoryOfType(GpsDirectory.class)).as("the fixture has GPS").isNotNull();

        byte[] copy = PhotoProcessor.resize(file, PhotoProbe.probe(file), List.of(480)).get(480);
        Metadata published = ImageMetadataReader.readMetadata(new ByteArrayInputStream(copy));
        assertThat(published.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(published.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        JpegCommentDirectory comment = published.getFirstDirectoryOfType(JpegCommentDirectory.class);
        assertThat(comment.getString(JpegCommentDirectory.TAG_COMMENT)).isEqualTo("Quynh Anh / (c) TTXVN");
        assertThat(new String(copy, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("GazetteCam", "Model X100");
    }

    @Test
    void sameInputGivesTheSameBytes() throws Exception {
        Path file = MediaFixtures.write(temp.resolve("a.jpg"), MediaFixtures.jpeg(MediaFixtures.halves(1000, 700)));
        PhotoInfo info = PhotoProbe.probe(file);
        Map<Integer, byte[]> one = PhotoProcessor.resize(file, info, List.of(480, 960));
        Map<Integer, byte[]> two = PhotoProcessor.resize(file, info, List.of(480, 960));
        assertThat(Arrays.equals(one.get(480), two.get(480))).isTrue();
        assertThat(Arrays.equals(one.get(960), two.get(960))).isTrue();
    }

    @Test
    void pngKeepsItsTransparency() throws Exception {
        BufferedImage image = new BufferedImage(600, 300, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00000000);
        image.setRGB(599, 299, 0xFF00FF00);
        Path file = MediaFixtures.write(temp.resolve("logo.png"), MediaFixtures.png(image));
        PhotoInfo info = PhotoProbe.probe(file);
        assertThat(info.format()).isEqualTo("png");
        BufferedImage copy = ImageIO.read(new ByteArrayInputStream(PhotoProcessor.resize(file, info, List.of(480)).get(480)));
        assertThat(copy.getWidth()).isEqualTo(480);
        assertThat(copy.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void cmykJpegIsConvertedToSrgb() throws Exception {
        // The JDK's own reader refuses four-component JPEGs; TwelveMonkeys reads them as CMYK.
        byte[] cmyk = MediaFixtures.cmykJpeg(1200, 600);
        assertThat(MediaFixtures.hasMarker(cmyk, 0xEE)).as("the fixture has its Adobe marker").isTrue();
        Path file = MediaFixtures.write(temp.resolve("in-an.jpg"), cmyk);
        PhotoInfo info = PhotoProbe.probe(file);
        assertThat(info.format()).isEqualTo("jpeg");
        assertThat(info.width()).isEqualTo(1200);
        assertThat(info.height()).isEqualTo(600);

        Map<Integer, byte[]> copies = PhotoProcessor.resize(file, info, PhotoSettings.widthsFor(info.width()));
        assertThat(copies).containsOnlyKeys(480, 960, 1200);
        for (Map.Entry<Integer, byte[]> copy : copies.entrySet()) {
            assertThat(MediaFixtures.hasMarker(copy.getValue(), 0xEE)).as("published as an ordinary JPEG").isFalse();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(copy.getValue()));
            assertThat(image.getWidth()).isEqualTo(copy.getKey());
            assertThat(image.getHeight()).isEqualTo(copy.getKey() / 2);
            assertThat(image.getColorModel().getNumComponents()).isEqualTo(3);
            assertThat(image.getColorModel().getColorSpace().isCS_sRGB()).isTrue();
            // Cyan ink shows as cyan (no red, much green and blue), no ink as white, not inverted.
            int left = image.getRGB(image.getWidth() / 4, image.getHeight() / 2);
            int right = image.getRGB(image.getWidth() * 3 / 4, image.getHeight() / 2);
            assertThat(red(left)).as("cyan has little red: %06X", left & 0xFFFFFF).isLessThan(80);
            assertThat(green(left)).as("cyan: %06X", left & 0xFFFFFF).isGreaterThan(140);
            assertThat(blue(left)).as("cyan: %06X", left & 0xFFFFFF).isGreaterThan(200);
            assertThat(Math.min(red(right), Math.min(green(right), blue(right))))
                    .as("paper is white: %06X", right & 0xFFFFFF).isGreaterThan(235);
        }
    }

    @Test
    void progressiveJpegIsResized() throws Exception {
        byte[] progressive = MediaFixtures.progressiveJpeg(MediaFixtures.halves(1000, 800));
        assertThat(MediaFixtures.hasMarker(progressive, 0xC2)).as("the fixture is progressive (SOF2)").isTrue();
        Path file = MediaFixtures.write(temp.resolve("tung-lop.jpg"), progressive);
        PhotoInfo info = PhotoProbe.probe(file);
        Map<Integer, byte[]> copies = PhotoProcessor.resize(file, info, PhotoSettings.widthsFor(info.width()));
        assertThat(copies).containsOnlyKeys(480, 960, 1000);
        BufferedImage copy = ImageIO.read(new ByteArrayInputStream(copies.get(480)));
        assertThat(copy.getWidth()).isEqualTo(480);
        assertThat(copy.getHeight()).isEqualTo(384);
        assertThat(reddish(copy.getRGB(100, 200))).isTrue();
        assertThat(reddish(copy.getRGB(380, 200))).isFalse();

        // Progressive files cut short lose their last scans: refused like a truncated baseline file.
        Path cut = MediaFixtures.write(temp.resolve("cut.jpg"), Arrays.copyOf(progressive, progressive.length * 2 / 3));
        assertThatThrownBy(() -> PhotoProcessor.resize(cut, PhotoProbe.probe(cut), List.of(480)))
                .isInstanceOf(MediaException.class).hasMessageContaining("truncated");
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    private static int green(int rgb) {
        return (rgb >> 8) & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }

    @Test
    void truncatedOrBrokenImagesAreRefused() throws Exception {
        byte[] whole = MediaFixtures.jpeg(MediaFixtures.halves(800, 600));
        Path truncated = MediaFixtures.write(temp.resolve("cut.jpg"), Arrays.copyOf(whole, whole.length / 2));
        PhotoInfo info = PhotoProbe.probe(truncated); // the header is intact
        assertThatThrownBy(() -> PhotoProcessor.resize(truncated, info, List.of(480)))
                .isInstanceOf(MediaException.class).hasMessageContaining("truncated");

        Path text = MediaFixtures.write(temp.resolve("not.jpg"), "hello".getBytes());
        assertThatThrownBy(() -> PhotoProbe.probe(text)).isInstanceOf(MediaException.class)
                .hasMessageContaining("not a JPEG or PNG");
        assertThatThrownBy(() -> PhotoProbe.probe(temp.resolve("missing.jpg"))).isInstanceOf(MediaException.class);
    }

    @Test
    void largePhotosAreDecodedSubsampled() throws Exception {
        // 50 megapixels would decode to 200 MB of ARGB; subsampled it stays within the budget.
        PhotoInfo fifty = new PhotoInfo("jpeg", 8660, 5773, 1);
        int step = PhotoProcessor.subsampling(fifty, 1600);
        assertThat(step).isGreaterThanOrEqualTo(2);
        assertThat((8660L / step) * (5773L / step)).isLessThanOrEqualTo(PhotoSettings.MAX_DECODED_PIXELS);
        assertThat(8660 / step).isGreaterThanOrEqualTo(1600);
        assertThat(PhotoProcessor.subsampling(new PhotoInfo("jpeg", 4000, 3000, 1), 1600)).isEqualTo(1);

        // A real 6000×4000 grey JPEG: decoded at a step, still made into a sharp 1600 copy.
        BufferedImage big = new BufferedImage(7200, 4800, BufferedImage.TYPE_BYTE_GRAY);
        var g = big.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 3600, 4800);
        g.dispose();
        Path file = MediaFixtures.write(temp.resolve("big.jpg"), MediaFixtures.jpeg(big));
        big = null;
        PhotoInfo info = PhotoProbe.probe(file);
        BufferedImage decoded = PhotoProcessor.decode(file, info, 1600);
        assertThat((long) decoded.getWidth() * decoded.getHeight()).isLessThanOrEqualTo(PhotoSettings.MAX_DECODED_PIXELS);
        byte[] copy = PhotoProcessor.resize(file, info, List.of(1600)).get(1600);
        BufferedImage published = ImageIO.read(new ByteArrayInputStream(copy));
        assertThat(published.getWidth()).isEqualTo(1600);
        assertThat(published.getHeight()).isEqualTo(1067);
    }

    private static boolean reddish(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int b = rgb & 0xFF;
        return r > 180 && b < 80;
    }
}
