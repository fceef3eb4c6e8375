package io.gazette.media;

import java.util.List;

/**
 * The files an article publishes beside its page and what templates show of them.
 *
 * @param files       every file to publish into the article's folder
 * @param attachments the documents to list under the article, in the order the article names them
 * @param lead        the lead photo ({@code image:} of the front matter) when it is a file of the
 *                    article's folder; null otherwise
 * @param embeds      whether the body has embeds: the page needs the theme's embed styles and script
 * @param documentText the text of the attached PDFs, for search (empty when none has text)
 * @param hash        changes when anything above changes
 */
public record ArticleMedia(List<MediaFile> files, List<Attachment> attachments, Photo lead, boolean embeds,
        String documentText, long hash) {
    public static final ArticleMedia NONE = new ArticleMedia(List.of(), List.of(), null, false, "", 0);

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** The lead photo's published file for {@code og:image} and feeds: its widest copy. */
    public String leadFile() {
        return lead == null ? null : lead.largest().file();
    }
}
