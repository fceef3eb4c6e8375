package io.gazette.media;

import io.gazette.output.OutputSink;
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

    /** Writes the file to {@code path} of the sink; a photo is resized (or taken from the cache) first. */
    public void writeTo(String path, OutputSink sink) throws IOException, MediaException {
        sink.copy(path, photo == null ? source : photo.file(width));
    }
}
