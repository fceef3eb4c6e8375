package io.gazette.media;

import java.util.ArrayList;
import java.util.List;

/**
 * What decides the bytes of a resized photo. {@link #VERSION} is part of every cache key: change
 * it with any setting or with the code that encodes, so that no stale copy is ever served.
 */
public final class PhotoSettings {
    /** Widths made of every photo: a phone, a laptop column, a large or high-density screen. */
    public static final List<Integer> WIDTHS = List.of(480, 960, 1600);
    /** The width given as {@code src}: what a browser without {@code srcset} support loads. */
    public static final int DEFAULT_WIDTH = 960;
    static final float JPEG_QUALITY = 0.82f;
    /**
     * Decoding stops being subsampled when the decoded image would have this many pixels or less,
     * and a subsampled image is never narrower than twice the widest copy: 16 MP in ARGB is 64 MB.
     */
    static final long MAX_DECODED_PIXELS = 16_000_000L;
    public static final String VERSION = "photo-1;" + WIDTHS + ";q82;srgb";
    /** How the theme tells the browser the width an article photo takes. */
    public static final String SIZES = "(max-width: 800px) 100vw, 800px";

    private PhotoSettings() {
    }

    /**
     * The widths to make of a photo {@code width} pixels wide: every configured width below it,
     * and the photo's own width when it is not wider than the widest: never upscaled.
     */
    public static List<Integer> widthsFor(int width) {
        List<Integer> widths = new ArrayList<>();
        int widest = WIDTHS.get(WIDTHS.size() - 1);
        for (int w : WIDTHS) {
            if (w < width) {
                widths.add(w);
            }
        }
        if (width <= widest) {
            widths.add(width);
        }
        return widths;
    }
}
