package io.gazette.markdown;

import io.gazette.media.MediaResolver;
import java.util.Map;

/**
 * Turns one embed ({@code {{< youtube id="…" >}}}) into HTML: implemented by the theme, whose
 * templates decide the markup. Problems (an unknown name, a missing parameter, a file that is not
 * there) go to {@code media}, with the embed's line.
 */
public interface EmbedRenderer {
    /** @return the HTML, or an empty string after reporting a problem */
    String render(String name, Map<String, String> params, int line, MediaResolver media);
}
