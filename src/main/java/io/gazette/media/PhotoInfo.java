package io.gazette.media;

/**
 * What a photo's header says, read without decoding the pixels.
 *
 * @param format      {@code jpeg} or {@code png}
 * @param storedWidth width of the pixels as stored, before orientation
 * @param orientation the EXIF orientation, 1 to 8 (1: as stored)
 */
public record PhotoInfo(String format, int storedWidth, int storedHeight, int orientation) {

    /** Orientations 5 to 8 turn the photo a quarter: its displayed width is its stored height. */
    public boolean turned() {
        return orientation >= 5 && orientation <= 8;
    }

    public int width() {
        return turned() ? storedHeight : storedWidth;
    }

    public int height() {
        return turned() ? storedWidth : storedHeight;
    }
}
