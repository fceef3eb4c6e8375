package io.gazette.legacy;

/** One block of an article body as read from a legacy page, before captions and signature are found. */
sealed interface Block {
    /** 1-based line in the source, 0 when unknown. */
    int line();

    /**
     * A block of text. {@code plain} is its text for matching (captions, signatures, tags);
     * {@code markdown} is how it is written out. Only a {@code paragraph} (not a heading, list or
     * table) can turn out to be a caption or the signature.
     */
    record Text(String plain, String markdown, int line, boolean paragraph) implements Block {
        static Text paragraph(String plain, String markdown, int line) {
            return new Text(plain, markdown, line, true);
        }
    }

    /** A photo whose file was on the old site; {@code src} exactly as the page had it. */
    record Picture(String src, String alt, int line) implements Block {
    }
}
