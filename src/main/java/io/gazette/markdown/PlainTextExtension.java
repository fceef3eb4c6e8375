package io.gazette.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;
import java.util.Set;

/**
 * Renders a run of text that holds no backslash, {@code &} or carriage return straight from its
 * characters. Flexmark renders every text node through {@code unescape()} (a regular expression
 * looking for {@code \} or {@code &}) and {@code normalizeEOL} (a copy that turns {@code \r} into
 * line feeds); for such a run both give back the characters as they are, so the page is the same
 * bytes, and those two passes were a sixth of the content stage. Any other run is left to Flexmark.
 */
final class PlainTextExtension implements HtmlRenderer.HtmlRendererExtension {

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
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '&' || c == '\r' || c == 0) {
                return false;
            }
        }
        return true;
    }

    private static final class TextRenderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(Text.class, TextRenderer::render));
        }

        private static void render(Text node, NodeRendererContext context, HtmlWriter html) {
            String text = text(node.getChars());
            if (isPlain(text)) {
                html.text(text);
            } else {
                context.delegateRender();
            }
        }
    }
}
