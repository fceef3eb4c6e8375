package io.gazette.media;

import io.gazette.text.LegacyVietnamese;
import io.gazette.text.VietnameseText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of an attached PDF, for search: taken out with Apache PDFBox, converted from the legacy
 * Vietnamese encodings (TCVN3, VNI) when the document was typed in one, and cached by content
 * hash. A PDF with no usable text (a scan, or fonts without a text mapping) gives a warning and
 * nothing to index: garbage in the index would match nonsense queries.
 *
 * @param text    the text to index, empty when there is none
 * @param warning why there is none, or null
 */
public record DocumentText(String text, String warning) {
    /** Pages read and characters kept per document: a 900-page annex must not swamp the index. */
    static final int MAX_PAGES = 200;
    static final int MAX_CHARS = 200_000;
    /** Fewer letters than this per page read means there is no text layer worth indexing. */
    static final int MIN_LETTERS_PER_PAGE = 40;
    private static final String SETTINGS = "pdf-text-1;" + MAX_PAGES + ";" + MAX_CHARS;

    /** The text of {@code file}, from the cache when this PDF was read before. */
    public static DocumentText of(Path file, MediaCache cache) throws IOException {
        return read(cached(file, cache));
    }

    /**
     * The cache entry holding the text of {@code file} (or why it has none), made now when this
     * PDF was not read before: the build keeps this path, not the text, and search reads the text
     * from it when it indexes the article ({@link ArticleMedia#documentText}).
     */
    static Path cached(Path file, MediaCache cache) throws IOException {
        String key = cache.key(file, SETTINGS);
        Path cached = cache.file(key, ".txt");
        if (!Files.isRegularFile(cached)) {
            DocumentText text = extract(file);
            cache.put(key, ".txt", ((text.warning == null ? "ok\n" + text.text : "warning\n" + text.warning))
                    .getBytes(StandardCharsets.UTF_8));
        }
        return cached;
    }

    /** A cache entry written by {@link #cached}. */
    static DocumentText read(Path cached) throws IOException {
        String stored = Files.readString(cached, StandardCharsets.UTF_8);
        int newline = stored.indexOf('\n');
        String head = stored.substring(0, Math.max(0, newline));
        String body = stored.substring(newline + 1);
        return head.equals("ok") ? new DocumentText(body, null) : new DocumentText("", body);
    }

    static DocumentText extract(Path file) {
        TextOnlyFontMapper.install();
        String raw;
        int pages;
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            pages = Math.min(document.getNumberOfPages(), MAX_PAGES);
            if (pages == 0) {
                return new DocumentText("", "the PDF has no pages: nothing of it is searchable");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(pages);
            raw = stripper.getText(document);
        } catch (InvalidPasswordException e) {
            return new DocumentText("", "the PDF is protected by a password: its text is not searchable");
        } catch (IOException | RuntimeException e) {
            return new DocumentText("", "cannot read the PDF's text (" + PhotoProbe.describe(e) + "): it is not searchable");
        }
        String text = raw.replaceAll("[\\p{Cntrl}&&[^\\n]]", " ").replaceAll("[ \\t\\u00A0]+", " ")
                .replaceAll("\\s*\\n\\s*", "\n").strip();
        text = LegacyVietnamese.toUnicode(VietnameseText.nfc(text));
        int letters = 0;
        int visible = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                visible++;
                if (Character.isLetter(c)) {
                    letters++;
                }
            }
        }
        if (letters < MIN_LETTERS_PER_PAGE * pages && letters < 400 || letters * 2 < visible) {
            return new DocumentText("", "the PDF has no usable text (a scan, or fonts without a text layer):"
                    + " nothing of it is searchable");
        }
        if (text.length() > MAX_CHARS) {
            int cut = text.lastIndexOf(' ', MAX_CHARS);
            text = text.substring(0, cut > 0 ? cut : MAX_CHARS);
        }
        return new DocumentText(text, null);
    }
}
