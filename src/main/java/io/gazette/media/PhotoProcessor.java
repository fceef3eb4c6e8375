package io.gazette.media;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.w3c.dom.Node;

/**
 * Makes the published copies of one photo: decoded once (subsampled when large, so a 50-megapixel
 * photo costs tens of megabytes, not hundreds), converted to sRGB, resized to each width with
 * Thumbnailator, turned upright as its EXIF orientation says, and encoded afresh. Encoding afresh
 * is what strips the metadata: nothing of the original's EXIF, GPS, maker notes or ICC profile is
 * copied; only the credit (artist, copyright, IPTC by-line and credit) is written back, as a JPEG
 * comment or a PNG {@code iTXt} "Copyright" entry. Same input, same bytes.
 */
public final class PhotoProcessor {
    private PhotoProcessor() {
    }

    /** Width → encoded bytes, for each of {@code widths} (displayed widths, never above the photo's). */
    public static Map<Integer, byte[]> resize(Path file, PhotoInfo info, List<Integer> widths) throws MediaException {
        BufferedImage decoded = toSrgb(decode(file, info, widths.get(widths.size() - 1)), info.format().equals("png"));
        String credit = PhotoProbe.credit(file);
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        for (int width : widths) {
            int height = heightFor(info, width);
            // Resize in the stored orientation (the smaller image is then turned upright).
            int storedW = info.turned() ? height : width;
            int storedH = info.turned() ? width : height;
            BufferedImage resized;
            if (storedW == decoded.getWidth() && storedH == decoded.getHeight()) {
                resized = decoded;
            } else {
                try {
                    resized = Thumbnails.of(decoded).forceSize(storedW, storedH).imageType(decoded.getType())
                            .asBufferedImage();
                } catch (IOException e) {
                    throw new MediaException("cannot resize (" + PhotoProbe.describe(e) + ")", e);
                }
            }
            BufferedImage upright = Orientation.apply(resized, info.orientation());
            out.put(width, info.format().equals("png") ? encodePng(upright, credit) : encodeJpeg(upright, credit));
        }
        return out;
    }

    /** The displayed height of the copy {@code width} pixels wide, keeping the aspect ratio. */
    public static int heightFor(PhotoInfo info, int width) {
        return Math.max(1, (int) Math.round((double) info.height() * width / info.width()));
    }

    static BufferedImage decode(Path file, PhotoInfo info, int widestNeeded) throws MediaException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new MediaException("not a JPEG or PNG image");
            }
            ImageReader reader = readers.next();
            List<String> damage = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> {
                String w = warning.toLowerCase(Locale.ROOT);
                if (w.contains("premature end") || w.contains("truncat") || w.contains("end of file")) {
                    damage.add(warning);
                }
            });
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(info, widestNeeded);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (!damage.isEmpty()) {
                    throw new MediaException("the image is truncated or damaged (" + damage.get(0) + ")");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new MediaException("unreadable image: truncated or damaged (" + PhotoProbe.describe(e) + ")", e);
        } catch (OutOfMemoryError e) {
            throw new MediaException("the image is too large to decode", e);
        }
    }

    /**
     * How many source pixels to skip per decoded pixel: 1 for ordinary photos; for large ones the
     * largest step that keeps the decoded width at least twice the widest copy (Thumbnailator's
     * progressive downscaling then has detail to work with), and whatever it takes to stay within
     * four times {@link PhotoSettings#MAX_DECODED_PIXELS} for extreme shapes.
     */
    static int subsampling(PhotoInfo info, int widestNeeded) {
        long w = info.storedWidth();
        long h = info.storedHeight();
        int step = 1;
        while ((w / step) * (h / step) > PhotoSettings.MAX_DECODED_PIXELS
                && info.width() / (step + 1) >= 2L * widestNeeded) {
            step++;
        }
        while ((w / step) * (h / step) > 4 * PhotoSettings.MAX_DECODED_PIXELS) {
            step++;
        }
        return step;
    }

    /** The decoded pixels as 8-bit sRGB (ARGB for a PNG with transparency), whatever they came as. */
    static BufferedImage toSrgb(BufferedImage image, boolean mayHaveAlpha) {
        boolean alpha = mayHaveAlpha && image.getColorModel().getTransparency() != Transparency.OPAQUE;
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type && image.getColorModel().getColorSpace().isCS_sRGB()) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        if (image.getColorModel().getColorSpace().isCS_sRGB()) {
            var g = out.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        } else {
            // An embedded profile (Adobe RGB, a CMYK press profile, grey): convert, don't reinterpret.
            new ColorConvertOp(image.getColorModel().getColorSpace(), ColorSpace.getInstance(ColorSpace.CS_sRGB), null)
                    .filter(image, out);
        }
        return out;
    }

    static byte[] encodeJpeg(BufferedImage image, String credit) throws MediaException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(PhotoSettings.JPEG_QUALITY);
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            if (!credit.isEmpty()) {
                String format = "javax_imageio_jpeg_image_1.0";
                Node root = metadata.getAsTree(format);
                IIOMetadataNode comment = new IIOMetadataNode("com");
                comment.setUserObject(credit.getBytes(StandardCharsets.UTF_8));
                markerSequence(root).appendChild(comment);
                metadata.setFromTree(format, root);
            }
            return write(writer, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new MediaException("cannot encode JPEG (" + PhotoProbe.describe(e) + ")", e);
        } finally {
            writer.dispose();
        }
    }

    static byte[] encodePng(BufferedImage image, String credit) throws MediaException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            if (!credit.isEmpty()) {
                String format = "javax_imageio_png_1.0";
                IIOMetadataNode root = new IIOMetadataNode(format);
                IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
                IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
                entry.setAttribute("keyword", "Copyright");
                entry.setAttribute("compressionFlag", "FALSE");
                entry.setAttribute("compressionMethod", "0");
                entry.setAttribute("languageTag", "");
                entry.setAttribute("translatedKeyword", "");
                entry.setAttribute("text", credit);
                itxt.appendChild(entry);
                root.appendChild(itxt);
                metadata.mergeTree(format, root);
            }
            return write(writer, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new MediaException("cannot encode PNG (" + PhotoProbe.describe(e) + ")", e);
        } finally {
            writer.dispose();
        }
    }

    private static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        }
        return bytes.toByteArray();
    }

    private static Node markerSequence(Node root) {
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeName().equals("markerSequence")) {
                return child;
            }
        }
        IIOMetadataNode sequence = new IIOMetadataNode("markerSequence");
        root.appendChild(sequence);
        return sequence;
    }
}
