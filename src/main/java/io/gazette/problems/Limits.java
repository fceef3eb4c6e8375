package io.gazette.problems;

/**
 * Every limit Gazette puts on its input, in one place. Each is far above what a real article
 * needs (a long news article is 20–60 KB, its longest paragraph a few thousand characters) and
 * low enough that no input can exhaust memory or the stack, or make a parser that is
 * quadratic in the size of one block (Flexmark's inline parser is, for runs of backticks,
 * brackets or {@code www.}) take more than about a second per block. Going over one is an error
 * naming the file, the line and the limit, never a crash.
 */
public final class Limits {
    /** Size of one content file. */
    public static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
    /**
     * Characters on one line (a paragraph is usually one line). The longest paragraph of the
     * 25,440 real news articles of the benchmark corpus is 36,797 characters; 5 are over 20,000.
     * Flexmark's inline parser is quadratic in some blocks (30,000 code spans on one line: 0.7 s at
     * 20,000 characters, 2.3 s at 40,000, 5.3 s at 60,000), so the limit stays just above that.
     */
    public static final int MAX_LINE_CHARS = 40_000;
    /**
     * Characters in one block of lines without a blank line between them (a paragraph, a table,
     * a list, a block quote): the inline parser works block by block, so this bounds its
     * worst case per block and makes a whole file's worst case linear in its size.
     */
    public static final int MAX_BLOCK_CHARS = 40_000;
    /**
     * Backticks in one run. Flexmark looks for a closing run of the same length to the end of the
     * block, so runs of ever-growing lengths are quadratic in the block (7 s for a 60,000-character
     * block); code spans in real articles use one to three.
     */
    public static final int MAX_BACKTICK_RUN = 32;
    /** How deep Markdown elements may sit inside each other (block quotes, lists, emphasis, links). */
    public static final int MAX_NESTING = 100;
    /** Link reference definitions ({@code [label]: /url}) in one file: resolving them is quadratic in their number. */
    public static final int MAX_LINK_DEFINITIONS = 1_000;
    /** Tags of one article. */
    public static final int MAX_TAGS = 100;
    /** Aliases (old URLs) of one article. */
    public static final int MAX_ALIASES = 200;
    /** Characters of a title. */
    public static final int MAX_TITLE_CHARS = 1_000;
    /** YAML (front matter, site.yml, language files): nesting, aliases and code points. */
    public static final int MAX_YAML_NESTING = 20;
    public static final int MAX_YAML_ALIASES = 20;
    public static final int MAX_YAML_CODE_POINTS = 1 << 20;
    /**
     * A file still being worked on after this many milliseconds, plus one per kilobyte, is named
     * on the console by the build's watchdog: no real file takes a tenth of that.
     */
    public static final long WATCHDOG_BASE_MILLIS = 10_000;

    private Limits() {
    }

    /** {@code 20000} as {@code 20,000}, the way the limits are shown in messages. */
    public static String shown(long limit) {
        return String.format(java.util.Locale.ROOT, "%,d", limit);
    }
}
