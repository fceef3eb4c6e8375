package io.gazette.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file an article publishes into its folder: a copy of a photo at one width, or a document
 * or video copied as it is.
 *
 * @param file        name relative to the article's folder
 * @param fingerprint changes when the published bytes would change (source size, time, settings)
 * @param line        line of the article that first refers to it, for messages
 */
public record MediaFile(String file, long fingerprint, Path source, PhotoJob photo, int width, int line) {

    static MediaFile copy(String file, Path source, int line) throws IOException {
        long fingerprint = Files.getLastModifiedTime(source).toMillis() * 31 + Files.size(source);
        return new MediaFile(file, fingerprint, source, null, 0, line);
    }

    /**
     * The file to publish as it is: the source of a document or video, or the cached copy of a
     * photo at this width, resized first on a cache miss. The build copies it into its output;
     * this package never writes output itself, so it stays below {@code output}.
     */
    public Path publishedFile() throws IOException, MediaException {
        return photo == null ? source : photo.file(width);
    }
}
