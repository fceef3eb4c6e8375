package io.gazette.legacy;

/** A suggested tag and why it was suggested, e.g. {@code in the title} or {@code named 3 times}. */
public record TagSuggestion(String tag, String reason) {
    @Override
    public String toString() {
        return tag + " (" + reason + ")";
    }
}
