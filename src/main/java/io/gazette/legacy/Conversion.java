package io.gazette.legacy;

import java.util.List;

/** The result of converting one legacy page: an article, or the reason it could not be read. */
public sealed interface Conversion {

    /**
     * @param relativeTarget {@code <yyyy>/<slug>.md}, always with {@code /}, relative to the content folder
     * @param warnings       what an editor should check (images to copy, a doubtful date)
     */
    record Converted(LegacyArticle article, String markdown, String relativeTarget, List<String> warnings)
            implements Conversion {
        public Converted {
            warnings = List.copyOf(warnings);
        }
    }

    /** {@code line} is 1-based, 0 when the problem is the page as a whole. */
    record Failed(int line, String reason) implements Conversion {
        /** {@code 12: reason} or just {@code reason}: appended to the source name in reports. */
        public String located() {
            return line > 0 ? line + ": " + reason : reason;
        }
    }
}
