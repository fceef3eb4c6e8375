package io.gazette.render;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Markup already safe to print, held as its UTF-8: what {@code {{ article.body | raw }}} gives
 * ({@link GazetteExtension}). A page written in UTF-8 takes the bytes as they are
 * ({@link Utf8PageWriter#write(Object)}), so an article's body goes from the build's body store
 * into the page without being decoded into a string and encoded again; anything else reads its
 * text, decoded when asked. Pebble's escaping leaves it alone, as any {@link SafeString}.
 */
final class SafeUtf8 extends SafeString {
    private final byte[] utf8;

    /** {@code utf8} must be valid UTF-8 (as {@code getBytes(UTF_8)} makes) and is not copied: it must not change. */
    SafeUtf8(byte[] utf8) {
        super(null);
        this.utf8 = utf8;
    }

    byte[] utf8() {
        return utf8;
    }

    @Override
    public String toString() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SafeUtf8 that ? Arrays.equals(utf8, that.utf8)
                : other instanceof SafeString && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
