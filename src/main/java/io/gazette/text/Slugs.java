package io.gazette.text;

import java.util.Locale;

/**
 * Turns titles and tag names into URL path segments: diacritics folded ({@code đ}→{@code d}),
 * lower case ASCII letters and digits, runs of anything else collapsed to one hyphen. The result
 * can never contain {@code /}, {@code .} or {@code ..}, so a slug cannot escape the output
 * directory whatever the title says.
 */
public final class Slugs {
    /** Slugs longer than this are cut at a hyphen: file systems cap names at 255 bytes. */
    public static final int MAX_LENGTH = 120;
    /** Longest slug {@link #forTitle} makes on its own; an explicit {@code slug:} may be longer. */
    public static final int TITLE_LENGTH = 60;
    private static final int MIN_CLAUSE_LENGTH = 16;
    /**
     * Where a long title's first clause ends (a spaced dash, bar or colon, or a colon): compiled
     * once, where {@code String.split} compiled it for every long title of every site model.
     */
    private static final java.util.regex.Pattern CLAUSES = java.util.regex.Pattern.compile("\\s+[–—|:-]\\s+|:\\s+");

    private Slugs() {
    }

    public static String slugify(String text) {
        String folded = VietnameseText.foldDiacritics(VietnameseText.nfc(text)).toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder(folded.length());
        boolean pendingHyphen = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingHyphen && slug.length() > 0) {
                    slug.append('-');
                }
                pendingHyphen = false;
                slug.append(c);
            } else {
                pendingHyphen = true;
            }
        }
        return truncate(slug.toString());
    }

    /**
     * The slug for an article title. Long news titles make unwieldy URLs, so past
     * {@link #TITLE_LENGTH} characters the slug keeps the title's first clause (before {@code –},
     * {@code —}, {@code :} or {@code |}) when that clause says enough on its own, and otherwise cuts
     * at a word boundary.
     */
    public static String forTitle(String title) {
        String full = slugify(title);
        if (full.length() <= TITLE_LENGTH) {
            return full;
        }
        String[] clauses = CLAUSES.split(VietnameseText.nfc(title), 2);
        if (clauses.length == 2) {
            String first = slugify(clauses[0]);
            if (first.length() >= MIN_CLAUSE_LENGTH && first.length() <= TITLE_LENGTH) {
                return first;
            }
        }
        int cut = full.lastIndexOf('-', TITLE_LENGTH);
        return cut > 0 ? full.substring(0, cut) : full.substring(0, TITLE_LENGTH);
    }

    /** True when {@code candidate} is already a slug this class could have produced. */
    public static boolean isValid(String candidate) {
        return !candidate.isEmpty() && candidate.length() <= MAX_LENGTH
                && candidate.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    private static String truncate(String slug) {
        if (slug.length() <= MAX_LENGTH) {
            return slug;
        }
        int cut = slug.lastIndexOf('-', MAX_LENGTH);
        return slug.substring(0, cut > 0 ? cut : MAX_LENGTH);
    }
}
