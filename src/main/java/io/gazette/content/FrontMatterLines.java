package io.gazette.content;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the line of a top-level front matter key, for messages about its value. */
public final class FrontMatterLines {
    private FrontMatterLines() {
    }

    /** The 1-based line of {@code key:} in the file's front matter; 1 when it cannot be found. */
    public static int lineOf(Path file, String key) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null && n < 500) {
                n++;
                if (n > 1 && line.strip().equals("---")) {
                    break;
                }
                if (line.startsWith(key + ":")) {
                    return n;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the reader already reported an unreadable file
        }
        return 1;
    }
}
