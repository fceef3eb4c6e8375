package io.gazette.markdown;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import io.gazette.media.MediaResolver;
import io.gazette.media.Photo;
import java.util.Set;

/**
 * A paragraph holding nothing but an image becomes a {@code <figure>} whose caption is the image
 * title, or else its alt text. An image with an empty destination, {@code ![caption]()}, is how
 * migrated articles record a photo whose file was lost: it becomes a figure with only a caption.
 */
final class FigureExtension implements HtmlRenderer.HtmlRendererExtension {

    @Override
    public void rendererOptions(MutableDataHolder options) {
        // no options of its own
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new FigureRenderer());
    }

    /** True when the paragraph is rendered as a figure (it holds nothing but an image). */
    static boolean isFigure(Paragraph paragraph) {
        return FigureRenderer.soleImage(paragraph) != null;
    }

    private static final class FigureRenderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(Paragraph.class, this::render),
                    new NodeRenderingHandler<>(Image.class, this::renderInline));
        }

        /** An image inside text: an article photo gets its copies; anything else renders as usual. */
        private void renderInline(Image image, NodeRendererContext context, HtmlWriter html) {
            MediaResolver media = MediaKeys.MEDIA.get(context.getDocument());
            Photo photo = media == null ? null
                    : media.photo(image.getUrl().unescape(), MediaKeys.line(image, context.getDocument()));
            if (photo == null) {
                context.delegateRender();
                return;
            }
            String alt = new TextCollectingVisitor().collectAndGetText(image).strip();
            PhotoHtml.write(html, photo, alt, media.takeLeadPlace());
        }

        private void render(Paragraph paragraph, NodeRendererContext context, HtmlWriter html) {
            Image image = soleImage(paragraph);
            if (image == null) {
                context.delegateRender();
                return;
            }
            String alt = new TextCollectingVisitor().collectAndGetText(image).strip();
            String title = image.getTitle().unescape().strip();
            String caption = title.isEmpty() ? alt : title;
            String url = image.getUrl().unescape().strip();
            html.line();
            if (url.isEmpty()) {
                html.attr("class", "figure figure--no-image").withAttr().tag("figure");
            } else {
                MediaResolver media = MediaKeys.MEDIA.get(context.getDocument());
                Photo photo = media == null ? null : media.photo(url, MediaKeys.line(image, context.getDocument()));
                html.attr("class", "figure").withAttr().tag("figure");
                if (photo != null) {
                    PhotoHtml.write(html, photo, alt, media.takeLeadPlace());
                } else {
                    ResolvedLink link = context.resolveLink(LinkType.IMAGE, url, null);
                    html.attr("src", link.getUrl()).attr("alt", alt).attr("loading", "lazy").withAttr().tagVoid("img");
                }
            }
            if (!caption.isEmpty()) {
                html.tag("figcaption").text(caption).closeTag("figcaption");
            }
            html.closeTag("figure").line();
        }

        private static Image soleImage(Paragraph paragraph) {
            Node only = null;
            for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
                if (child.getChars().isBlank()) {
                    continue;
                }
                if (only != null) {
                    return null;
                }
                only = child;
            }
            return only instanceof Image image ? image : null;
        }
    }
}
