package io.gazette.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import io.gazette.text.Slugs;
import java.util.HashMap;
import java.util.Map;

/**
 * Heading ids as ASCII slugs ({@code ## Kết quả đạt được} → {@code ket-qua-dat-duoc}): Flexmark's
 * own ids keep diacritics, which break in copied links and older tools. Repeated headings get
 * {@code -2}, {@code -3} so that every id on a page is unique.
 */
final class AsciiHeadingIds implements HtmlIdGenerator {
    private final Map<String, Integer> used = new HashMap<>();

    @Override
    public void generateIds(Document document) {
        new NodeVisitor(new VisitHandler<>(Heading.class, heading -> {
            if (heading.getAnchorRefId().isEmpty()) {
                heading.setAnchorRefId(unique(heading.getAnchorRefText()));
            }
        })).visit(document);
    }

    @Override
    public String getId(Node node) {
        return node instanceof Heading heading ? heading.getAnchorRefId() : null;
    }

    @Override
    public String getId(CharSequence text) {
        return unique(text.toString());
    }

    private String unique(String text) {
        String base = Slugs.slugify(text);
        if (base.isEmpty()) {
            base = "muc";
        }
        int count = used.merge(base, 1, Integer::sum);
        return count == 1 ? base : base + "-" + count;
    }
}
