package io.gazette.markdown;

/**
 * Markdown nested deeper than {@link io.gazette.problems.Limits#MAX_NESTING}, or too deep for the
 * renderer's stack: refused with the line where the nesting goes over, instead of the
 * {@link StackOverflowError} Flexmark's recursive renderer would end in.
 */
public final class MarkdownTooDeep extends RuntimeException {
    private final int line;

    MarkdownTooDeep(String message, int line) {
        super(message, null, false, false);
        this.line = line;
    }

    /** 1-based line of the Markdown text (not of the file), or 1 when unknown. */
    public int line() {
        return line;
    }
}
