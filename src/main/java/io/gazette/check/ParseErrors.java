package io.gazette.check;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.ParseError;

/**
 * Rewrites jsoup's parse errors ({@code Unexpected EndTag token [</p>] when in state [InBody]})
 * in words an editor acts on. Each is a place where the parser had to repair the markup, so the
 * page a browser builds differs from the one written.
 */
final class ParseErrors {
    private static final Pattern END_TAG = Pattern.compile("Unexpected EndTag token \\[</?([^\\s>\\]]*)[^\\]]*\\]");
    private static final Pattern START_TAG = Pattern.compile("Unexpected StartTag token \\[<([^\\s>\\]/]*)[^\\]]*\\]");
    private static final Pattern DUPLICATE_ATTRIBUTE = Pattern.compile("Dropped duplicate attribute\\(s\\) in tag \\[([^\\]]*)\\]");
    private static final Pattern NAMED_REFERENCE = Pattern.compile("invalid named reference \\[([^\\]]*)\\]");
    private static final Pattern SELF_CLOSING = Pattern.compile("Tag \\[([^\\]]*)\\] cannot be self.?closing", Pattern.CASE_INSENSITIVE);
    private static final String REPAIRED = "the parser had to repair the markup here, so browsers build a different page than written";

    private ParseErrors() {
    }

    record Described(String message, String hint) {
    }

    static Described describe(String jsoupMessage) {
        Matcher matcher = END_TAG.matcher(jsoupMessage);
        if (matcher.find()) {
            String tag = matcher.group(1);
            return new Described("unexpected end tag </" + tag + ">: elements are misnested or left unclosed",
                    "an element opened before it is still open, was never opened or was closed already,"
                            + " or a block (div, ul, table) sits inside a <p>; " + REPAIRED);
        }
        matcher = START_TAG.matcher(jsoupMessage);
        if (matcher.find()) {
            String tag = matcher.group(1);
            if (tag.equalsIgnoreCase("a")) {
                return new Described("link inside a link: <a> cannot contain another <a>", "close the first link before the second; " + REPAIRED);
            }
            return new Described("<" + tag + "> is not allowed here", REPAIRED);
        }
        matcher = DUPLICATE_ATTRIBUTE.matcher(jsoupMessage);
        if (matcher.find()) {
            return new Described("duplicate attribute in <" + matcher.group(1) + ">", "browsers keep the first one only; remove the other");
        }
        matcher = NAMED_REFERENCE.matcher(jsoupMessage);
        if (matcher.find()) {
            return new Described("unknown character reference &" + matcher.group(1) + ";", "write a literal & as &amp;");
        }
        matcher = SELF_CLOSING.matcher(jsoupMessage);
        if (matcher.find()) {
            return new Described("<" + matcher.group(1) + "/> is not a void element and cannot be self-closing",
                    "write <" + matcher.group(1) + "></" + matcher.group(1) + ">; browsers ignore the slash and leave it open");
        }
        return new Described("invalid HTML: " + jsoupMessage, REPAIRED);
    }

    /** jsoup gives the cursor as {@code line:column}. */
    static int line(ParseError error) {
        String cursor = error.getCursorPos();
        int colon = cursor == null ? -1 : cursor.indexOf(':');
        try {
            return colon > 0 ? Integer.parseInt(cursor.substring(0, colon)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
