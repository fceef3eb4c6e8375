package io.gazette.media;

import java.util.Locale;

/**
 * A document listed under its article ("Tài liệu đính kèm").
 *
 * @param name  what the article's link called it, or its file name
 * @param file  published file name, relative to the article's folder
 * @param type  {@code PDF}, {@code DOCX}, …
 * @param bytes its size
 */
public record Attachment(String name, String file, String type, long bytes, String language) {

    /** The size as readers read it: {@code 840 KB}, {@code 1,2 MB} in Vietnamese, {@code 1.2 MB} in English. */
    public String size() {
        Locale locale = Locale.forLanguageTag(language == null || language.isEmpty() ? "vi" : language);
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
        }
        return String.format(locale, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    public boolean isPdf() {
        return type.equals("PDF");
    }
}
