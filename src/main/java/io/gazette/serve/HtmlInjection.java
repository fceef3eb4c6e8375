package io.gazette.serve;

import io.gazette.text.HtmlEscape;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Adds the live-reload script to an HTML page as the server sends it, just before {@code </body>}. */
final class HtmlInjection {
    private static final byte[] BODY_END = "</body".getBytes(StandardCharsets.US_ASCII);

    private HtmlInjection() {
    }

    static String scriptTag(String pageIdentity) {
        return "<script src=\"" + LiveReload.SCRIPT_PATH + "\" data-page=\"" + HtmlEscape.escape(pageIdentity)
                + "\"></script>";
    }

    /**
     * Inserts before the last {@code </body>} (any case), or appends when there is none. Works on
     * UTF-8 bytes directly: an ASCII byte never occurs inside a multi-byte character, so the
     * search cannot split one.
     */
    static byte[] inject(byte[] html, String pageIdentity) {
        byte[] tag = scriptTag(pageIdentity).getBytes(StandardCharsets.UTF_8);
        int at = lastIndexOfIgnoreCase(html, BODY_END);
        if (at < 0) {
            at = html.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(html.length + tag.length);
        out.write(html, 0, at);
        out.write(tag, 0, tag.length);
        out.write(html, at, html.length - at);
        return out.toByteArray();
    }

    private static int lastIndexOfIgnoreCase(byte[] haystack, byte[] needle) {
        outer:
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                int b = haystack[i + j];
                if (b >= 'A' && b <= 'Z') {
                    b += 'a' - 'A';
                }
                if (b != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
