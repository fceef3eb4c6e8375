package io.gazette.check;

import io.gazette.check.Link.Usage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds {@code url(...)} and {@code @import} references in a stylesheet, a {@code <style>} or a style attribute. */
final class CssChecker {
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern URL = Pattern.compile(
            "url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\"'\\s]*))\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPORT = Pattern.compile("@import\\s+(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);

    private final LinkChecker links;

    CssChecker(LinkChecker links) {
        this.links = links;
    }

    /** {@code firstLine} is the line the CSS text starts on in its file. */
    void check(Source source, String css, int firstLine) {
        SiteText text = SiteText.of(blankComments(css));
        for (Pattern pattern : new Pattern[] {URL, IMPORT}) {
            Matcher matcher = pattern.matcher(text.text());
            while (matcher.find()) {
                String url = firstGroup(matcher);
                if (url.startsWith("#")) {
                    continue; // url(#gradient): an element of the same SVG document
                }
                int line = firstLine == 0 ? 0 : firstLine + text.lineOf(matcher.start()) - 1;
                links.check(source, new Link(url, line, Usage.RESOURCE, "CSS url()"));
            }
        }
    }

    /** Comments become spaces, newlines kept, so offsets still give the right line. */
    private static String blankComments(String css) {
        Matcher matcher = COMMENT.matcher(css);
        StringBuilder out = new StringBuilder(css.length());
        int last = 0;
        while (matcher.find()) {
            out.append(css, last, matcher.start());
            for (int i = matcher.start(); i < matcher.end(); i++) {
                out.append(css.charAt(i) == '\n' ? '\n' : ' ');
            }
            last = matcher.end();
        }
        return out.append(css, last, css.length()).toString();
    }

    private static String firstGroup(Matcher matcher) {
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return "";
    }
}
