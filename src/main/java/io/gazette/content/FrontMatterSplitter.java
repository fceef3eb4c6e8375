package io.gazette.content;

/**
 * Splits {@code ---\nyaml\n---\nbody} into its parts, remembering line numbers so that problems in
 * either part point at the right line of the file.
 */
public final class FrontMatterSplitter {
    private static final String FENCE = "---";

    private FrontMatterSplitter() {
    }

    /**
     * @param yaml          the front matter text, without fences
     * @param yamlFirstLine file line of the first YAML line
     * @param body          the Markdown after the closing fence
     * @param bodyFirstLine file line of the first body line
     */
    public record Parts(String yaml, int yamlFirstLine, String body, int bodyFirstLine) {
    }

    /** Thrown when the file has no front matter or its closing fence is missing. */
    public static final class MissingFrontMatter extends Exception {
        private final int line;
        private final String hint;

        MissingFrontMatter(String message, int line, String hint) {
            super(message);
            this.line = line;
            this.hint = hint;
        }

        public int line() {
            return line;
        }

        public String hint() {
            return hint;
        }
    }

    /** @param text already normalised by {@link SourceText} (LF line endings, no BOM) */
    public static Parts split(String text) throws MissingFrontMatter {
        int firstEnd = lineEnd(text, 0);
        if (!text.substring(0, firstEnd).strip().equals(FENCE)) {
            throw new MissingFrontMatter("the file does not start with front matter (`---`)", 1,
                    "start the file with ---, then `title: ...` and `date: YYYY-MM-DD`, then another ---");
        }
        int line = 2;
        int position = Math.min(firstEnd + 1, text.length());
        int yamlStart = position;
        while (position < text.length()) {
            int end = lineEnd(text, position);
            if (text.substring(position, end).stripTrailing().equals(FENCE)) {
                String yaml = text.substring(yamlStart, position);
                int bodyStart = Math.min(end + 1, text.length());
                return new Parts(yaml, 2, text.substring(bodyStart), line + 1);
            }
            position = end + 1;
            line++;
        }
        throw new MissingFrontMatter("the front matter opened on line 1 is never closed", 1,
                "add a line containing only --- after the last front matter field");
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }
}
