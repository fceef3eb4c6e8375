package io.gazette.markdown;

/**
 * Markdown nested deeper than {@link io.gazette.problems.Limits#MAX_NESTING}, too deep for the
 * renderer's stack, or with a backtick run longer than {@link io.gazette.problems.Limits#MAX_BACKTICK_RUN}: refused with the line where the nesting goes over, instead of the
 * {@link StackOverflowError} Flexmark's recursive renderer would end in.
 */
public final class MarkdownTooDeep extends RuntimeException {
    static final String NESTING_HINT = "a run of `>` or of list markers at the start of a line nests them; remove the extra ones";
    private final int line;
    private final String hint;

    MarkdownTooDeep(String message, int line) {
        this(message, line, NESTING_HINT);
    }

    MarkdownTooDeep(String message, int line, String hint) {
        super(message, null, false, false);
        this.line = line;
        this.hint = hint;
    }

    /** What the editor can do about it. */
    public String hint() {
        return hint;
    }

    /** 1-based line of the Markdown text (not of the file), or 1 when unknown. */
    public int line() {
        return line;
    }
}
