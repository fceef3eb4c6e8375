package io.gazette.markdown;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.NullableDataKey;
import io.gazette.media.MediaResolver;

/** What one render of an article knows besides its text: its media resolver and where its body starts. */
final class MediaKeys {
    static final NullableDataKey<MediaResolver> MEDIA = new NullableDataKey<>("GAZETTE_MEDIA", (MediaResolver) null);
    static final DataKey<Integer> BODY_FIRST_LINE = new DataKey<>("GAZETTE_BODY_FIRST_LINE", 1);

    private MediaKeys() {
    }

    /**
     * The line of the article file where {@code node} starts. Asked of the render's document, not of
     * the node: the renderer resolves some links through nodes it made itself, outside the tree
     * (a reference inside a broken link text), and Flexmark's own line lookup fails on those.
     */
    static int line(Node node, DataHolder document) {
        if (node == null) {
            return 0;
        }
        int first = BODY_FIRST_LINE.get(document);
        if (document instanceof Document doc && node.getStartOffset() <= doc.getTextLength()) {
            return first + doc.getLineNumber(node.getStartOffset());
        }
        return first;
    }
}
