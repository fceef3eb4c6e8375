package io.gazette.markdown;

import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import io.gazette.media.MediaResolver;

/**
 * Root-relative links and images ({@code /2014/08/bai-viet/}, {@code /images/a.jpg}) are written
 * by editors as if the site lived at the domain root; this prefixes the site's base path so they
 * still work when the site is published under a subpath. Relative links to files of the
 * article's folder (photos, documents) go to {@link MediaResolver}.
 */
final class SiteLinkResolver implements LinkResolver {
    private final String basePath;

    private SiteLinkResolver(String basePath) {
        this.basePath = basePath;
    }

    static IndependentLinkResolverFactory factory(String basePath) {
        return new IndependentLinkResolverFactory() {
            @Override
            public LinkResolver apply(LinkResolverBasicContext context) {
                return new SiteLinkResolver(basePath);
            }
        };
    }

    @Override
    public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        String url = link.getUrl();
        MediaResolver media = MediaKeys.MEDIA.get(context.getDocument());
        if (media != null && (link.getLinkType() == LinkType.LINK || link.getLinkType() == LinkType.IMAGE)) {
            // A file of the article's folder: published beside the page under a URL-safe name.
            String text = node == null ? "" : new TextCollectingVisitor().collectAndGetText(node);
            String published = media.link(url, link.getLinkType() == LinkType.LINK ? text : "",
                    MediaKeys.line(node, context.getDocument()));
            if (published != null) {
                return link.withUrl(published).withStatus(LinkStatus.VALID);
            }
        }
        if (url.startsWith("/") && !url.startsWith("//") && !"/".equals(basePath)) {
            return link.withUrl(basePath + url.substring(1)).withStatus(LinkStatus.VALID);
        }
        return link;
    }
}
