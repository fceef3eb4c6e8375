import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A deterministic archive of article bundles with photos, for the photo benchmark (bench/photos.sh):
 *
 *   java bench/GeneratePhotos.java <dir> <articles> <photos per article> [width height]
 *
 * writes the same articles twice, as a Gazette site in {@code <dir>/gazette} and as a Hugo site in
 * {@code <dir>/hugo} (the photos hard-linked, not copied). Each article is
 * {@code content/2014/bai-NNNN/index.md} with its photos beside it, the first one the lead photo
 * ({@code image:}), the others in the body as {@code ![…](anh-N.jpg)}. The photos are the size a
 * camera makes (default 3000 × 2000, 6 megapixels) and encode like photographs (gradients, shapes
 * and pixel noise, about 2 MB each), not like flat colour:
 *
 * - every fourth photo (N mod 4 = 2) is a portrait taken with the camera turned: stored landscape
 *   with EXIF orientation 6, as phones write it, so it shows {@code height × width};
 * - every tenth (N mod 10 = 9) is a PNG (a chart: flat colours and text, as newsrooms publish them),
 *   2400 × 1600;
 * - every JPEG carries an EXIF block: camera make and model, orientation, artist and copyright.
 */
public class GeneratePhotos {
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: java bench/GeneratePhotos.java <dir> <articles> <photos per article> [width height]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        int articles = Integer.parseInt(args[1]);
        int perArticle = Integer.parseInt(args[2]);
        int width = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
        int height = args.length > 4 ? Integer.parseInt(args[4]) : 2000;
        Path gazette = root.resolve("gazette");
        Path hugo = root.resolve("hugo");
        Files.createDirectories(gazette);
        Files.createDirectories(hugo);
        Files.writeString(gazette.resolve("site.yml"),
                "title: \"Ảnh\"\nbaseUrl: \"https://example.org/\"\nlanguage: vi\n");
        // Same quality as Gazette's copies (PhotoSettings.JPEG_QUALITY = 0.82); Hugo's default is 75.
        Files.writeString(hugo.resolve("hugo.toml"), """
                baseURL = "https://example.org/"
                languageCode = "vi"
                title = "Ảnh"
                theme = "photos"
                themesDir = "themes"
                [imaging]
                  quality = 82
                # Publish only the copies the templates ask for, not the originals: Gazette does not
                # publish originals either (they may carry the camera's position).
                [[cascade]]
                  [cascade._build]
                    publishResources = false
                """);
        Random random = new Random(42);
        for (int a = 0; a < articles; a++) {
            String rel = String.format("content/2014/bai-%04d", a);
            Path bundle = gazette.resolve(rel);
            Path hugoBundle = hugo.resolve(rel);
            Files.createDirectories(bundle);
            Files.createDirectories(hugoBundle);
            String lead = name(0);
            StringBuilder md = new StringBuilder(String.format(
                    "---\ntitle: \"Bài có ảnh số %d\"\ndate: 2014-08-%02d\nimage: %s\n---\n\nNội dung bài %d.\n\n",
                    a, 1 + a % 28, lead, a));
            for (int p = 0; p < perArticle; p++) {
                byte[] bytes = p % 10 == 9 ? chart(random) : photo(random, width, height, p % 4 == 2 ? 6 : 1);
                Path file = Files.write(bundle.resolve(name(p)), bytes);
                Files.deleteIfExists(hugoBundle.resolve(name(p)));
                Files.createLink(hugoBundle.resolve(name(p)), file);
                if (p > 0) {
                    md.append("![Ảnh ").append(p).append("](").append(name(p)).append(")\n\n");
                }
            }
            Files.writeString(bundle.resolve("index.md"), md.toString());
            Files.writeString(hugoBundle.resolve("index.md"), md.toString());
        }
    }

    static String name(int p) {
        return "anh-" + p + (p % 10 == 9 ? ".png" : ".jpg");
    }

    /** A photograph-like JPEG with EXIF: orientation 6 means "stored turned; show it rotated 90° clockwise". */
    static byte[] photo(Random random, int width, int height, int orientation) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), width, height,
                new Color(random.nextInt(0xFFFFFF))));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(200), 20 + random.nextInt(200));
        }
        g.dispose();
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 3) {
                image.setRGB(x, y, image.getRGB(x, y) ^ random.nextInt(0x0F0F0F));
            }
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream(4 << 20);
        ImageIO.write(image, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        byte[] exif = exif(orientation);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + exif.length + 4);
        out.write(jpeg, 0, 2); // SOI, then APP1 "Exif" as cameras write it
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xFF);
        out.write(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A bar chart as a PNG: flat colours, lines and text. */
    static byte[] chart(Random random) throws IOException {
        int width = 2400;
        int height = 1600;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xDDDDDD));
        for (int y = 200; y < height - 100; y += 100) {
            g.drawLine(150, y, width - 100, y);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 40));
        for (int i = 0; i < 12; i++) {
            int h = 100 + random.nextInt(1200);
            g.setColor(new Color(0x1F77B4 + i * 0x0A0A00));
            g.fillRect(200 + i * 180, height - 100 - h, 120, h);
            g.setColor(Color.DARK_GRAY);
            g.drawString("T" + (i + 1), 220 + i * 180, height - 40);
        }
        g.drawString("Kết quả thi đua theo tháng", 200, 120);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 << 10);
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** "Exif\0\0" and a little-endian TIFF with IFD0: make, model, orientation, artist, copyright. */
    static byte[] exif(int orientation) {
        byte[][] values = {ascii("GazetteCam"), ascii("Model X100"), null, ascii("Phóng viên Ảnh"), ascii("(c) Khối thi đua")};
        int[] tags = {0x010F, 0x0110, 0x0112, 0x013B, 0x8298};
        ByteBuffer tiff = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        int dataAt = 8 + 2 + tags.length * 12 + 4;
        ByteBuffer data = ByteBuffer.allocate(512);
        tiff.putShort((short) tags.length);
        for (int i = 0; i < tags.length; i++) {
            if (values[i] == null) {
                tiff.putShort((short) tags[i]).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
            } else {
                tiff.putShort((short) tags[i]).putShort((short) 2).putInt(values[i].length).putInt(dataAt + data.position());
                data.put(values[i]);
            }
        }
        tiff.putInt(0);
        tiff.put(data.array(), 0, data.position());
        byte[] body = Arrays.copyOf(tiff.array(), tiff.position());
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, out, header.length, body.length);
        return out;
    }

    private static byte[] ascii(String text) {
        // EXIF ASCII fields are bytes; UTF-8 is what phones write in practice for non-ASCII names.
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }
}
