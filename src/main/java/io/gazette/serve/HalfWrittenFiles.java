package io.gazette.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Recognises a source file caught in the middle of an editor's save: truncated to nothing, or an
 * article whose front matter is not closed yet (the editor truncated it, then writes it in
 * pieces). Such a file would fail the build for a moment; the watcher waits a little longer for
 * the rest of the save instead (see {@link ProjectWatcher}). A file that stays like this is built
 * as it is, and its error shown.
 */
final class HalfWrittenFiles {
    /** Articles are a few KB; a larger file is not read just to guess. */
    private static final int MAX_BYTES_READ = 1 << 20;

    private HalfWrittenFiles() {
    }

    /** Whether {@code file} (an existing regular file) looks like a save still in progress. */
    static boolean looksHalfWritten(Path file) {
        String name = file.getFileName().toString();
        boolean article = name.endsWith(".md");
        if (!article && !name.endsWith(".yml") && !name.endsWith(".yaml")) {
            return false;
        }
        String text;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_BYTES_READ);
            if (bytes.length == MAX_BYTES_READ) {
                return false;
            }
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return false; // gone again, or unreadable: the build reports what it finds
        }
        if (text.isBlank()) {
            return true; // truncated, not yet written
        }
        return article && !hasClosedFrontMatter(text);
    }

    /** A first line {@code ---} and a later line {@code ---}, as the content reader requires. */
    private static boolean hasClosedFrontMatter(String text) {
        String[] lines = text.replace("\uFEFF", "").split("\r?\n|\r", -1);
        if (!lines[0].strip().equals("---")) {
            return false;
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].stripTrailing().equals("---")) {
                return true;
            }
        }
        return false;
    }
}
