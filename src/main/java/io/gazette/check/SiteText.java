package io.gazette.check;

import io.gazette.text.StrictUtf8;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A text file of the site decoded as UTF-8, with line lookup by character offset. */
final class SiteText {
    private final String text;
    private final int[] lineStarts;

    private SiteText(String text) {
        this.text = text;
        int[] starts = new int[64];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /**
     * Decodes the bytes, reporting invalid UTF-8 (the site says it is UTF-8 everywhere, so such
     * bytes would show as replacement characters) and dropping a byte order mark.
     */
    static SiteText decode(byte[] bytes, FileReport report) {
        String text;
        try {
            text = StrictUtf8.decode(bytes, 0);
        } catch (StrictUtf8.Malformed e) {
            report.error(e.line(), "file is not valid UTF-8",
                    "save the source as UTF-8; invalid bytes show as \uFFFD to readers");
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new SiteText(text);
    }

    static SiteText of(String text) {
        return new SiteText(text);
    }

    String text() {
        return text;
    }

    /** 1-based line of a character offset. */
    int lineOf(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return index >= 0 ? index + 1 : -index - 1;
    }
}
