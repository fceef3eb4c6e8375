package io.gazette.markdown;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * With {@code allowRawHtml: true}, the HTML written inside Markdown reaches the page through
 * jsoup's cleaner: the elements and attributes an article uses (those of {@link Safelist#relaxed}
 * plus figures, ids and classes) stay, scripts, event handlers, styles, frames and forms go, and
 * an unclosed or misnested tag is balanced, so no article can break the page around it or run
 * code on the archive's domain. Without the option, raw HTML is dropped by Flexmark instead.
 */
final class RawHtmlSanitizer {
    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("figure", "figcaption", "hr", "del", "s", "section", "mark", "small", "abbr")
            .addAttributes(":all", "id", "class", "title", "lang", "dir")
            .addAttributes("a", "rel")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .addAttributes("ol", "start")
            // The resized photos of an article (media): without these the page loses its srcset.
            .addAttributes("img", "srcset", "sizes", "loading", "decoding")
            .addProtocols("a", "href", "#", "tel")
            .preserveRelativeLinks(true);
    /** Relative links are resolved against this only to be checked, and kept as written. */
    private static final String BASE = "https://gazette.invalid/";

    private RawHtmlSanitizer() {
    }

    static String clean(String html) {
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        Document clean = new org.jsoup.safety.Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings(settings);
        for (Element link : clean.select("a[href]")) {
            if (ExternalLinks.isExternal(link.attr("href")) && !link.attr("rel").contains("noopener")) {
                link.attr("rel", (link.attr("rel") + " noopener").strip());
            }
        }
        return clean.body().html();
    }

    /**
     * What the cleaner takes out of one piece of an article's raw HTML (a block, or one inline
     * tag), for a warning: {@code <script>}, {@code onclick on <a>}, {@code href on <a>}
     * (a {@code javascript:} link)... Empty when it all stays. Decided by the same safelist the
     * cleaner uses, so the warning and the page agree.
     */
    static List<String> removals(String rawHtml) {
        Set<String> removed = new LinkedHashSet<>();
        Document fragment = Jsoup.parseBodyFragment(rawHtml, BASE);
        for (Element element : fragment.body().getAllElements()) {
            if (element == fragment.body()) {
                continue;
            }
            String tag = element.normalName();
            if (!SAFELIST.isSafeTag(tag)) {
                removed.add("<" + tag + ">");
                continue;
            }
            for (Attribute attribute : element.attributes()) {
                if (!SAFELIST.isSafeAttribute(tag, element, attribute)) {
                    removed.add(attribute.getKey() + " on <" + tag + ">");
                }
            }
        }
        return List.copyOf(removed);
    }

    /** Whether {@code html} inside a page's {@code <main>} parses without a single repair. */
    static boolean parsesCleanly(String html) {
        org.jsoup.parser.Parser parser = org.jsoup.parser.Parser.htmlParser().setTrackErrors(1);
        Jsoup.parse("<!DOCTYPE html><html><head><title>t</title></head><body><main>" + html + "</main></body></html>", "",
                parser);
        return parser.getErrors().isEmpty();
    }
}
