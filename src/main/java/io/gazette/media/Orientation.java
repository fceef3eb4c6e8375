package io.gazette.media;

import java.awt.image.BufferedImage;

/** Turns pixels upright as an EXIF orientation (1–8) says; 1 returns the image itself. */
final class Orientation {
    private Orientation() {
    }

    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean turned = orientation >= 5;
        BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h, image.getType());
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - x; dy = y; }          // mirrored
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }  // upside down
                    case 4 -> { dx = x; dy = h - 1 - y; }          // mirrored upside down
                    case 5 -> { dx = y; dy = x; }                  // transposed
                    case 6 -> { dx = h - 1 - y; dy = x; }          // turn a quarter clockwise
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }  // transversed
                    default -> { dx = y; dy = w - 1 - x; }         // 8: a quarter anticlockwise
                }
                out.setRGB(dx, dy, row[x]);
            }
        }
        return out;
    }
}
