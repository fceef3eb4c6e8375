package io.gazette.media;

import java.nio.file.Path;
import java.util.List;

/**
 * A photo of an article and the copies the build makes of it, named relative to the article's
 * folder ({@code anh-960.jpg}), which is where the copies are published.
 *
 * @param source   the original file
 * @param variants the copies, narrowest first
 */
public record Photo(Path source, PhotoInfo info, List<Variant> variants) {

    /** One published copy: its file name relative to the article's folder and its size. */
    public record Variant(String file, int width, int height) {
    }

    /** The copy for {@code src}: the widest not above {@link PhotoSettings#DEFAULT_WIDTH}. */
    public Variant fallback() {
        Variant best = variants.get(0);
        for (Variant v : variants) {
            if (v.width() <= PhotoSettings.DEFAULT_WIDTH) {
                best = v;
            }
        }
        return best;
    }

    /** The widest copy: its size is the {@code width}/{@code height} the page reserves. */
    public Variant largest() {
        return variants.get(variants.size() - 1);
    }

    /** {@code srcset} with each file prefixed (an empty prefix: relative to the article). */
    public String srcset(String prefix) {
        StringBuilder out = new StringBuilder();
        for (Variant v : variants) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(prefix).append(v.file()).append(' ').append(v.width()).append('w');
        }
        return out.toString();
    }

    public String sizes() {
        return PhotoSettings.SIZES;
    }
}
