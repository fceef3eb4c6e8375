package io.gazette.markdown;

import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;
import java.util.Locale;

/**
 * {@code rel="noopener"} on links that leave the site: a page opened from an article (in a new
 * tab, as readers often do) gets no handle on the archive's window.
 */
final class ExternalLinks implements AttributeProvider {
    static IndependentAttributeProviderFactory factory() {
        return new IndependentAttributeProviderFactory() {
            @Override
            public AttributeProvider apply(LinkResolverContext context) {
                return new ExternalLinks();
            }
        };
    }

    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if (part == AttributablePart.LINK && isExternal(attributes.getValue("href"))) {
            attributes.addValue("rel", "noopener");
        }
    }

    static boolean isExternal(String href) {
        if (href == null) {
            return false;
        }
        String url = href.strip().toLowerCase(Locale.ROOT);
        return url.startsWith("http://") || url.startsWith("https://") || url.startsWith("//");
    }
}
