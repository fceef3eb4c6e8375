package io.gazette.markdown;

import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Map;

/**
 * Puts the characters the options name into Flexmark's dashes and ellipses. Flexmark 0.64.8's
 * typographic parser reads {@link TypographicExtension#EN_DASH}, {@link TypographicExtension#EM_DASH}
 * and {@link TypographicExtension#ELLIPSIS} only to recognise the marks, and always files them as
 * the entities {@code &ndash;}, {@code &mdash;} and {@code &hellip;} (the quotes do follow their
 * options). Rewriting the node here, once after the parse, serves every reader of it alike:
 * Flexmark's renderer, {@link ParagraphHtml} and the probe from which the unparsed path takes its
 * ellipsis.
 */
final class TypographicMarks implements Parser.ParserExtension {
    @Override
    public void parserOptions(MutableDataHolder options) {
        // no options of its own
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(TypographicSmarts.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            Map<String, String> marks = marks(document);
            return new NodePostProcessor() {
                @Override
                public void process(NodeTracker state, Node node) {
                    TypographicSmarts smarts = (TypographicSmarts) node;
                    String mark = marks.get(smarts.getTypographicText());
                    if (mark != null) {
                        smarts.setTypographicText(mark);
                    }
                }
            };
        }
    }

    /**
     * The entity Flexmark files for each mark, and what the options want in its place. Flexmark
     * files a spaced ellipsis ({@code . . .}) as {@code &hellip;} too, so it takes
     * {@link TypographicExtension#ELLIPSIS} as well ({@link MarkdownRenderer} sets both alike).
     */
    static Map<String, String> marks(DataHolder options) {
        return Map.of("&ndash;", TypographicExtension.EN_DASH.get(options),
                "&mdash;", TypographicExtension.EM_DASH.get(options),
                "&hellip;", TypographicExtension.ELLIPSIS.get(options));
    }
}
