package io.gazette.output;

import io.gazette.text.HtmlEscape;
import java.nio.charset.StandardCharsets;

/**
 * The page left at an old URL ({@code aliases:}): a static host cannot send a 301, so it sends a
 * tiny page that redirects at once and tells search engines where the article now lives.
 */
public final class AliasPage {
    private AliasPage() {
    }

    /** @param target absolute URL of the article */
    public static byte[] to(String target, String language) {
        String url = HtmlEscape.escape(target);
        String html = "<!DOCTYPE html>\n<html lang=\"" + HtmlEscape.escape(language) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + url + "</title>\n<link rel=\"canonical\" href=\"" + url + "\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url=" + url + "\">\n"
                + "</head>\n<body>\n<p><a href=\"" + url + "\">" + url + "</a></p>\n</body>\n</html>\n";
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
