package io.gazette.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.iptc.IptcDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads a photo's format, size and EXIF orientation from its header, without decoding pixels:
 * cheap enough to run for every photo of every article on every build.
 */
public final class PhotoProbe {
    private PhotoProbe() {
    }

    public static PhotoInfo probe(Path file) throws MediaException {
        if (!Files.isRegularFile(file)) {
            throw new MediaException("file not found");
        }
        String format;
        int width;
        int height;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new MediaException("cannot open the file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new MediaException("not a JPEG or PNG image");
            }
            ImageReader reader = readers.next();
            try {
                format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (format.equals("jpg")) {
                    format = "jpeg";
                }
                if (!format.equals("jpeg") && !format.equals("png")) {
                    throw new MediaException("a " + format + " image; photos must be JPEG or PNG");
                }
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new MediaException("unreadable image (" + describe(e) + ")", e);
        }
        if (width <= 0 || height <= 0) {
            throw new MediaException("the image has no pixels");
        }
        return new PhotoInfo(format, width, height, orientation(file));
    }

    /** The EXIF orientation, 1 when the photo has none or it cannot be read. */
    static int orientation(Path file) {
        Metadata metadata = metadata(file);
        if (metadata == null) {
            return 1;
        }
        ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
            return 1;
        }
        Integer value = exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
        return value != null && value >= 1 && value <= 8 ? value : 1;
    }

    /**
     * The credit to keep in the copies: the EXIF artist and copyright and the IPTC by-line,
     * credit and copyright notice, each once, joined; empty when the photo names nobody.
     */
    static String credit(Path file) {
        Metadata metadata = metadata(file);
        if (metadata == null) {
            return "";
        }
        Set<String> parts = new LinkedHashSet<>();
        ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        add(parts, exif, ExifIFD0Directory.TAG_ARTIST);
        add(parts, exif, ExifIFD0Directory.TAG_COPYRIGHT);
        IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
        add(parts, iptc, IptcDirectory.TAG_BY_LINE);
        add(parts, iptc, IptcDirectory.TAG_CREDIT);
        add(parts, iptc, IptcDirectory.TAG_COPYRIGHT_NOTICE);
        return String.join(" / ", parts);
    }

    private static void add(Set<String> parts, Directory directory, int tag) {
        if (directory == null) {
            return;
        }
        String value = directory.getString(tag);
        if (value != null) {
            // Only printable text: metadata is free-form bytes from any camera or editor.
            String clean = value.replaceAll("[\\p{Cntrl}]", " ").strip();
            if (!clean.isEmpty()) {
                parts.add(clean.length() > 200 ? clean.substring(0, 200) : clean);
            }
        }
    }

    private static Metadata metadata(Path file) {
        try {
            return ImageMetadataReader.readMetadata(file.toFile());
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return null; // damaged metadata is no reason to refuse the pixels
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
