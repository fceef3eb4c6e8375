package io.gazette.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The files an article publishes beside its page and what templates show of them.
 *
 * @param files       every file to publish into the article's folder
 * @param attachments the documents to list under the article, in the order the article names them
 * @param lead        the lead photo ({@code image:} of the front matter) when it is a file of the
 *                    article's folder; null otherwise
 * @param embeds      whether the body has embeds: the page needs the theme's embed styles and script
 * @param documents   the attached PDFs that have text, for search; their text stays in the cache
 *                    until {@link #documentText} reads it (at 100,000 articles with a few PDFs
 *                    each, the texts of every attachment would otherwise sit in the heap for the
 *                    whole build or preview session)
 * @param hash        changes when anything above changes
 */
public record ArticleMedia(List<MediaFile> files, List<Attachment> attachments, Photo lead, boolean embeds,
        List<PdfText> documents, long hash) {
    public static final ArticleMedia NONE = new ArticleMedia(List.of(), List.of(), null, false, List.of(), 0);

    /**
     * An attached PDF with text.
     *
     * @param source the PDF
     * @param cached its entry in the media cache, named by its content hash: the text to index
     */
    public record PdfText(Path source, Path cached) {
        String text() {
            try {
                return DocumentText.read(cached).text();
            } catch (IOException e) {
                // The cache was cleared under a running preview: read the PDF itself (same settings, same text).
                return DocumentText.extract(source).text();
            }
        }
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** The text of the attached PDFs, each after a blank line, read now from the cache; empty when none has text. */
    public String documentText() {
        if (documents.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (PdfText document : documents) {
            text.append(text.length() == 0 ? "" : "\n\n").append(document.text());
        }
        return text.toString();
    }

    /** The lead photo's published file for {@code og:image} and feeds: its widest copy. */
    public String leadFile() {
        return lead == null ? null : lead.largest().file();
    }
}
