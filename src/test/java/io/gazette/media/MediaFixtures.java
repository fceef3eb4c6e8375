package io.gazette.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Real small photos made by the tests: JPEGs with EXIF (orientation, GPS, camera, credit), PNGs. */
public final class MediaFixtures {
    private MediaFixtures() {
    }

    /** A photo whose left half is red and right half blue, as stored. */
    public static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "jpeg", out)) {
            throw new IOException("no JPEG writer");
        }
        return out.toByteArray();
    }

    public static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A JPEG with an EXIF block: orientation, camera make and model, GPS latitude, artist and copyright. */
    public static byte[] jpegWithExif(BufferedImage image, int orientation, String artist, String copyright)
            throws IOException {
        byte[] plain = jpeg(image);
        byte[] exif = exif(orientation, artist, copyright);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        int length = exif.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exif);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /**
     * A CMYK JPEG as print workflows and Photoshop save them: four components, an Adobe APP14
     * marker with transform 0 (no colour transform: the components are C, M, Y, K) and, as
     * Photoshop stores them, inverted values (255 = no ink). The left half is pure cyan, the right
     * half paper white. ImageIO writes the four-band raster; the APP14 marker, which tells readers
     * what the four components are, is put in after SOI as cameras put APP1.
     */
    public static byte[] cmykJpeg(int width, int height) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        int[] cyan = {0, 255, 255, 255};
        int[] white = {255, 255, 255, 255};
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, x < width / 2 ? cyan : white);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(plain)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = plain.toByteArray();
        // APP14: length 14, "Adobe", version 100, flags0 0, flags1 0, transform 0.
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + app14.length);
        out.write(jpeg, 0, 2);
        out.write(app14);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A progressive JPEG (SOF2, several scans), as web tools and some cameras save them. */
    public static byte[] progressiveJpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Whether the JPEG's frame marker says {@code sof} (0xC0 baseline, 0xC2 progressive). */
    public static boolean hasMarker(byte[] jpeg, int marker) {
        for (int i = 2; i + 3 < jpeg.length && (jpeg[i] & 0xFF) == 0xFF; ) {
            int m = jpeg[i + 1] & 0xFF;
            if (m == marker) {
                return true;
            }
            if (m == 0xDA) {
                return false;
            }
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        return false;
    }

    public static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** The APP1 payload: "Exif\0\0" and a little-endian TIFF with IFD0 and a GPS IFD. */
    static byte[] exif(int orientation, String artist, String copyright) {
        record Entry(int tag, int type, int count, byte[] data) {
        }
        List<Entry> ifd0 = new ArrayList<>();
        ifd0.add(new Entry(0x010F, 2, 0, ascii("GazetteCam")));
        ifd0.add(new Entry(0x0110, 2, 0, ascii("Model X100")));
        ifd0.add(new Entry(0x0112, 3, 1, shortValue(orientation)));
        if (artist != null) {
            ifd0.add(new Entry(0x013B, 2, 0, ascii(artist)));
        }
        if (copyright != null) {
            ifd0.add(new Entry(0x8298, 2, 0, ascii(copyright)));
        }
        ifd0.add(new Entry(0x8825, 4, 1, null)); // GPS IFD pointer, filled below
        ByteBuffer tiff = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        int ifd0Size = 2 + ifd0.size() * 12 + 4;
        int gpsAt = 8 + ifd0Size;
        int gpsSize = 2 + 2 * 12 + 4;
        int dataAt = gpsAt + gpsSize;
        ByteBuffer data = ByteBuffer.allocate(2048).order(ByteOrder.LITTLE_ENDIAN);
        tiff.putShort((short) ifd0.size());
        for (Entry e : ifd0) {
            tiff.putShort((short) e.tag()).putShort((short) e.type());
            if (e.tag() == 0x8825) {
                tiff.putInt(1).putInt(gpsAt);
            } else if (e.type() == 2) {
                tiff.putInt(e.data().length);
                if (e.data().length <= 4) {
                    tiff.put(java.util.Arrays.copyOf(e.data(), 4));
                } else {
                    tiff.putInt(dataAt + data.position());
                    data.put(e.data());
                }
            } else {
                tiff.putInt(e.count()).put(java.util.Arrays.copyOf(e.data(), 4));
            }
        }
        tiff.putInt(0);
        // GPS IFD: latitude ref "N" and latitude 21/1, 1/1, 30/1 (Hà Nội).
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(dataAt + data.position());
        data.putInt(21).putInt(1).putInt(1).putInt(1).putInt(30).putInt(1);
        tiff.putInt(0);
        tiff.put(data.array(), 0, data.position());
        byte[] body = java.util.Arrays.copyOf(tiff.array(), tiff.position());
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[header.length + body.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(body, 0, out, header.length, body.length);
        return out;
    }

    private static byte[] ascii(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return java.util.Arrays.copyOf(bytes, bytes.length + 1);
    }

    private static byte[] shortValue(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), 0, 0};
    }
}
