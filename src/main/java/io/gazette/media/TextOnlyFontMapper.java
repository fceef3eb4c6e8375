package io.gazette.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * PDFBox looks for a system font to stand in for every font a PDF uses without embedding it. To
 * take text out, no font is drawn, so the search through the machine's fonts (slow the first time,
 * and written to a cache in the user's home folder) is wasted: this mapper answers every request
 * with the font PDFBox ships, at once. Gazette draws no PDF, so installing it for the whole
 * process changes nothing else. Mappings are not marked as fallbacks: PDFBox would log a warning
 * per font that a reader of Gazette's output can do nothing about (the text is unaffected).
 */
final class TextOnlyFontMapper implements FontMapper {
    private static final String BUNDLED = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static volatile boolean installed;
    private final TrueTypeFont fallback;

    private TextOnlyFontMapper(TrueTypeFont fallback) {
        this.fallback = fallback;
    }

    static void install() {
        if (installed) {
            return;
        }
        synchronized (TextOnlyFontMapper.class) {
            if (!installed) {
                try (InputStream in = FontMapper.class.getResourceAsStream(BUNDLED)) {
                    if (in == null) {
                        throw new IOException("PDFBox's bundled font is missing: " + BUNDLED);
                    }
                    FontMappers.set(new TextOnlyFontMapper(new TTFParser().parse(new RandomAccessReadBuffer(in))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                installed = true;
            }
        }
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(fallback, false);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(fallback, false);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo systemInfo) {
        return new CIDFontMapping(null, fallback, false);
    }
}
