package io.gazette.output;

import java.net.URI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An article's HTML for a feed, with the links to the files of its folder ({@code anh-960.jpg},
 * {@code qd.pdf}), which are relative to the article's page, made absolute: in a feed there is no
 * page to be relative to, and feed readers do not all honour {@code xml:base}.
 */
final class RelativeUrls {
    private static final String[] ATTRIBUTES = {"src", "href", "poster", "data"};

    private RelativeUrls() {
    }

    static String absolute(String html, String pageUrl) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        URI base = URI.create(pageUrl);
        for (Element element : document.body().getAllElements()) {
            for (String attribute : ATTRIBUTES) {
                if (element.hasAttr(attribute)) {
                    element.attr(attribute, resolve(base, element.attr(attribute)));
                }
            }
            if (element.hasAttr("srcset")) {
                StringBuilder out = new StringBuilder();
                for (String candidate : element.attr("srcset").split(",")) {
                    String[] parts = candidate.strip().split("\\s+", 2);
                    if (out.length() > 0) {
                        out.append(", ");
                    }
                    out.append(resolve(base, parts[0])).append(parts.length > 1 ? " " + parts[1] : "");
                }
                element.attr("srcset", out.toString());
            }
        }
        return document.body().html();
    }

    private static String resolve(URI base, String url) {
        if (url.isEmpty() || url.startsWith("#") || url.startsWith("/") || url.contains(":")) {
            return url;
        }
        try {
            return base.resolve(url).toString();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
