package io.gazette.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;
import java.util.Set;

/**
 * Renders text nodes with what Flexmark's own text renderer writes,
 * {@code Escaping.normalizeEOL(chars.unescape())}, computed without its two passes where they
 * change nothing or only drop backslashes. Flexmark renders every text node through
 * {@code unescape()} (regular expressions looking for {@code \} or {@code &}) and
 * {@code normalizeEOL} (a copy that turns {@code \r} into line feeds): for a run holding no
 * backslash, {@code &}, carriage return or NUL both give back the characters as they are, and
 * those two passes were a sixth of the content stage; a run whose only escapes are backslashes
 * before punctuation (the archive's {@code \_}, {@code \[}, {@code \*}) loses those backslashes in
 * one pass here. Any other run (a character reference, a carriage return, a NUL) is left to Flexmark.
 */
final class PlainTextExtension implements HtmlRenderer.HtmlRendererExtension {
    /** The characters a backslash escapes, as Flexmark's {@code Escaping.ESCAPABLE_CHARS} (ASCII punctuation). */
    private static final boolean[] ESCAPABLE = new boolean[128];

    static {
        for (char c : ("!" + Escaping.ESCAPABLE_CHARS).toCharArray()) {
            ESCAPABLE[c] = true;
        }
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
        // no options of its own
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new TextRenderer());
    }

    /**
     * The characters of {@code chars}: cut from the Markdown in one copy when they are a plain
     * slice of it (Flexmark's {@code toString()} appends them one by one, which was a twentieth of
     * the content stage). A slice may still hold a NUL, which Flexmark reads as U+FFFD: such
     * a text is not {@link #isPlain}, so Flexmark renders it.
     */
    static String text(BasedSequence chars) {
        if (chars instanceof SubSequence slice && slice.getBase() instanceof String markdown) {
            return markdown.substring(slice.getStartOffset(), slice.getEndOffset());
        }
        return chars.toString();
    }

    /** Whether Flexmark's unescaping and line-end normalising would leave {@code text} as it is. */
    static boolean isPlain(String text) {
        return firstSpecial(text) < 0;
    }

    /** Where the first backslash, {@code &}, carriage return or NUL of {@code text} is, or -1. */
    private static int firstSpecial(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '&' || c == '\r' || c == 0) {
                return i;
            }
        }
        return -1;
    }

    /** What Flexmark's text renderer writes (before escaping) for a text node of {@code chars}. */
    static String rendered(BasedSequence chars) {
        String text = text(chars);
        int special = firstSpecial(text);
        if (special < 0) {
            return text;
        }
        String unescaped = withoutBackslashes(text, special);
        return unescaped != null ? unescaped : Escaping.normalizeEOL(chars.unescape());
    }

    /**
     * {@code text} with each backslash before punctuation dropped, as Flexmark's unescaping does
     * for a text without character references, or null when the text may hold one (an {@code &}
     * before {@code #} or a letter), or holds a carriage return or NUL.
     */
    static String withoutBackslashes(String text, int from) {
        int n = text.length();
        StringBuilder out = null;
        int copied = 0;
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 < n && text.charAt(i + 1) < 128 && ESCAPABLE[text.charAt(i + 1)]) {
                    if (out == null) {
                        out = new StringBuilder(n);
                    }
                    out.append(text, copied, i);
                    copied = ++i; // the escaped character is kept, and not read as an escape
                }
            } else if (c == '&') {
                char next = i + 1 < n ? text.charAt(i + 1) : ' ';
                if (next == '#' || (next | 0x20) >= 'a' && (next | 0x20) <= 'z') {
                    return null;
                }
            } else if (c == '\r' || c == 0) {
                return null;
            }
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    private static final class TextRenderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(Text.class, TextRenderer::render));
        }

        private static void render(Text node, NodeRendererContext context, HtmlWriter html) {
            html.text(rendered(node.getChars()));
        }
    }
}
