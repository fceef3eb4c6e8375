package io.gazette.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Replaces a file in one step: readers see the old file or the new one, never a half-written one. */
public final class AtomicFiles {

    /** What writes the new content into a temporary file beside the target. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path temp) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code content} to {@code target} through a temporary file in the same folder. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, temp -> Files.write(temp, content));
    }

    /**
     * Lets {@code writer} fill a temporary file beside {@code target}, then moves it over the
     * target (atomically where the file system can; a plain replace where it cannot). The
     * temporary file is gone afterwards whatever happened.
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, ".tmp-", "-" + target.getFileName());
        try {
            writer.writeTo(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
