package io.gazette.markdown;

import com.vladsch.flexmark.html.HtmlWriter;
import io.gazette.media.Photo;

/**
 * The {@code <img>} of an article photo: the copies in {@code srcset} with {@code sizes}, the
 * intrinsic {@code width}/{@code height} so the page does not shift as it loads, and lazy loading
 * for all but the first photo a reader sees.
 */
final class PhotoHtml {
    private PhotoHtml() {
    }

    static void write(HtmlWriter html, Photo photo, String alt, boolean lead) {
        Photo.Variant largest = photo.largest();
        html.attr("src", photo.fallback().file())
                .attr("srcset", photo.srcset(""))
                .attr("sizes", photo.sizes())
                .attr("width", String.valueOf(largest.width()))
                .attr("height", String.valueOf(largest.height()))
                .attr("alt", alt);
        if (!lead) {
            html.attr("loading", "lazy");
        }
        html.attr("decoding", "async").withAttr().tagVoid("img");
    }
}
