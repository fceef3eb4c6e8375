import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A deterministic site of article bundles with photos, for the photo benchmark:
 *
 *   java bench/GeneratePhotos.java <project dir> <articles> <photos per article> [width height]
 *
 * Each article is content/2014/bai-NNNN/index.md with its photos beside it (the first one is the
 * lead photo); photos are JPEGs with gradients and noise, so they encode like photographs, not
 * like flat colour.
 */
public class GeneratePhotos {
    public static void main(String[] args) throws IOException {
        Path project = Path.of(args[0]);
        int articles = Integer.parseInt(args[1]);
        int perArticle = Integer.parseInt(args[2]);
        int width = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
        int height = args.length > 4 ? Integer.parseInt(args[4]) : 2000;
        Files.createDirectories(project);
        Files.writeString(project.resolve("site.yml"), "title: \"Ảnh\"\nbaseUrl: \"https://example.org/\"\nlanguage: vi\n");
        Random random = new Random(42);
        for (int a = 0; a < articles; a++) {
            Path bundle = project.resolve(String.format("content/2014/bai-%04d", a));
            Files.createDirectories(bundle);
            StringBuilder md = new StringBuilder(String.format(
                    "---\ntitle: \"Bài có ảnh số %d\"\ndate: 2014-08-%02d\nimage: anh-0.jpg\n---\n\nNội dung bài %d.\n\n",
                    a, 1 + a % 28, a));
            for (int p = 0; p < perArticle; p++) {
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
                ImageIO.write(image, "jpeg", bundle.resolve("anh-" + p + ".jpg").toFile());
                if (p > 0) {
                    md.append("![Ảnh ").append(p).append("](anh-").append(p).append(".jpg)\n\n");
                }
            }
            Files.writeString(bundle.resolve("index.md"), md.toString());
        }
    }
}
