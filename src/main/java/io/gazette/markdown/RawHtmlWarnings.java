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

    /**
     * @param kept          false when the cleaned HTML did not parse back and all raw HTML was dropped
     * @param bodyFirstLine the file line where the Markdown body starts
     */
    static void report(Document document, boolean kept, int bodyFirstLine, MediaResolver media) {
        for (Node node : document.getDescendants()) {
            if (!(node instanceof HtmlBlock) && !(node instanceof HtmlInline)) {
                continue; // HtmlCommentBlock and HtmlInlineComment are other classes
            }
            // The document's own line lookup: a node the renderer detached from the tree has no
            // document of its own to ask (a long fuzz run found one).
            int line = bodyFirstLine + document.getLineNumber(Math.min(node.getStartOffset(), document.getTextLength()));
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
