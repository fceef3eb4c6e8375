package io.gazette.content;

import io.gazette.problems.Limits;
import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import java.nio.file.Path;

/**
 * The size limits of {@link Limits} that can be checked on a file's text before it is parsed:
 * line length, block length and link reference definitions. One pass, linear in the text.
 */
final class TextLimits {
    private TextLimits() {
    }

    /** @return false after reporting an error when the text goes over a limit */
    static boolean check(String text, Path shown, Problems problems) {
        int line = 1;
        int blockChars = 0;
        int blockLine = 1;
        int definitions = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int length = end - start;
            if (length > Limits.MAX_LINE_CHARS) {
                problems.add(Problem.error(shown, line, "line is " + Limits.shown(length)
                                + " characters long; the limit is " + Limits.shown(Limits.MAX_LINE_CHARS),
                        "break it into paragraphs with blank lines between them"));
                return false;
            }
            if (isBlank(text, start, end)) {
                blockChars = 0;
            } else {
                if (blockChars == 0) {
                    blockLine = line;
                }
                blockChars += length + 1;
                if (blockChars > Limits.MAX_BLOCK_CHARS) {
                    problems.add(Problem.error(shown, blockLine, "the block of lines starting here (no blank line"
                                    + " between them) is over " + Limits.shown(Limits.MAX_BLOCK_CHARS) + " characters long",
                            "break it up with blank lines; a table or list this long is better split in several"));
                    return false;
                }
                if (isLinkDefinition(text, start, end) && ++definitions > Limits.MAX_LINK_DEFINITIONS) {
                    problems.add(Problem.error(shown, line, "more than " + Limits.shown(Limits.MAX_LINK_DEFINITIONS)
                                    + " link reference definitions (`[label]: url`)",
                            "write the links inline, `[text](url)`, or split the article"));
                    return false;
                }
            }
            start = end + 1;
            line++;
        }
        return true;
    }

    private static boolean isBlank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** {@code [label]:} after at most three spaces, the way CommonMark starts a definition. */
    private static boolean isLinkDefinition(String text, int start, int end) {
        int i = start;
        while (i < end && i - start < 3 && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= end || text.charAt(i) != '[') {
            return false;
        }
        // Within the line only: searching the rest of the text would make the pass quadratic.
        for (int j = i + 1; j + 1 < end; j++) {
            if (text.charAt(j) == ']' && text.charAt(j + 1) == ':') {
                return true;
            }
        }
        return false;
    }
}
