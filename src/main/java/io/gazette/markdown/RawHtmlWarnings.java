package io.gazette.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import io.gazette.media.MediaResolver;
import io.gazette.problems.Problem;
import java.util.List;

/**
 * With {@code allowRawHtml: true}, tells the editor (file:line, as a warning) when the sanitizer
 * takes something out of the HTML they wrote, or drops it all, instead of changing the page
 * silently. Comments are not reported: dropping them changes nothing a reader sees.
 */
final class RawHtmlWarnings {
    private static final String HINT = "allowRawHtml keeps only elements and attributes that cannot run code or"
            + " restyle the page (no scripts, event handlers, styles, frames or forms); remove them from the article";

    private RawHtmlWarnings() {
    }

    /** The 0-based line of {@code offset} in the parsed Markdown. */
    private static int lineIndex(Document document, int offset) {
        CharSequence source = document.getChars();
        int end = Math.min(Math.max(offset, 0), source.length());
        int lines = 0;
        for (int i = 0; i < end; i++) {
            if (source.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /**
     * @param kept          false when the cleaned HTML did not parse back and all raw HTML was dropped
     * @param bodyFirstLine the file line where the Markdown body starts
     */
    static void report(Document document, boolean kept, int bodyFirstLine, MediaResolver media) {
        for (Node node : document.getDescendants()) {
            if (!(node instanceof HtmlBlock) && !(node instanceof HtmlInline)) {
                continue; // HtmlCommentBlock and HtmlInlineComment are other classes
            }
            // From the node's offset in the source, not getStartLineNumber(): that needs the node's
            // Document ancestor, which a node moved out of the tree by an extension lacks (fuzz
            // fixture long-run-seed-11).
            int line = bodyFirstLine + lineIndex(document, node.getStartOffset());
            if (!kept) {
                media.report(Problem.warning(media.shown(), line,
                        "the raw HTML of this article was dropped: once cleaned, it does not fit in a page",
                        "check that its tags are balanced and not nested where HTML forbids (a link inside a link,"
                                + " a table cell outside a table)"));
                return; // once is enough: all of it went
            }
            List<String> removed = RawHtmlSanitizer.removals(node.getChars().toString());
            if (!removed.isEmpty()) {
                media.report(Problem.warning(media.shown(), line,
                        "raw HTML changed by the sanitizer: removed " + String.join(", ", removed), HINT));
            }
        }
    }
}
