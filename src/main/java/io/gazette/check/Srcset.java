package io.gazette.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a {@code srcset} into its candidates, following the HTML parsing algorithm closely enough
 * for real pages: a URL runs to the next whitespace (so it may contain commas), a trailing comma
 * ends a candidate without descriptor, otherwise the descriptor runs to the next comma.
 */
final class Srcset {
    private static final Pattern WIDTH = Pattern.compile("[0-9]+w");
    private static final Pattern DENSITY = Pattern.compile("[0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?x");

    private Srcset() {
    }

    /** A candidate: its URL and descriptor ({@code ""}, {@code 640w}, {@code 2x}). */
    record Candidate(String url, String descriptor) {
        boolean isWidth() {
            return WIDTH.matcher(descriptor).matches();
        }

        boolean isValid() {
            return descriptor.isEmpty() || WIDTH.matcher(descriptor).matches() || DENSITY.matcher(descriptor).matches();
        }
    }

    static List<Candidate> parse(String srcset) {
        List<Candidate> candidates = new ArrayList<>();
        int length = srcset.length();
        int pos = 0;
        while (true) {
            while (pos < length && (UrlText.isAsciiWhitespace(srcset.charAt(pos)) || srcset.charAt(pos) == ',')) {
                pos++;
            }
            if (pos >= length) {
                return candidates;
            }
            int urlStart = pos;
            while (pos < length && !UrlText.isAsciiWhitespace(srcset.charAt(pos))) {
                pos++;
            }
            String url = srcset.substring(urlStart, pos);
            if (url.endsWith(",")) {
                candidates.add(new Candidate(url.replaceAll(",+$", ""), ""));
                continue;
            }
            int descriptorStart = pos;
            boolean inParens = false;
            while (pos < length) {
                char c = srcset.charAt(pos);
                if (c == '(') {
                    inParens = true;
                } else if (c == ')') {
                    inParens = false;
                } else if (c == ',' && !inParens) {
                    break;
                }
                pos++;
            }
            candidates.add(new Candidate(url, srcset.substring(descriptorStart, pos).strip()));
        }
    }
}
