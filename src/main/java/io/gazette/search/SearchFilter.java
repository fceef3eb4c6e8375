package io.gazette.search;

/**
 * Narrows results to one tag and/or one year; {@code null} means no restriction. The tag is
 * compared by {@link VietnameseTokens#tagKey}, so case and spacing do not matter.
 */
public record SearchFilter(String tag, Integer year) {
    public static final SearchFilter NONE = new SearchFilter(null, null);

    boolean isEmpty() {
        return (tag == null || VietnameseTokens.tagKey(tag).isEmpty()) && year == null;
    }
}
