package io.gazette.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real PDFs written by PDFBox for the tests: with a text layer, or a "scan" with none. */
public final class PdfFixtures {
    private PdfFixtures() {
    }

    static {
        TextOnlyFontMapper.install(); // no search through the machine's fonts, as in the build
    }

    /** A PDF whose pages hold these lines (Latin-1 only: the standard fonts' WinAnsi encoding). */
    public static Path withText(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.newLineAtOffset(50, 700);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -16);
                }
                content.endText();
            }
            document.save(file.toFile());
        }
        return file;
    }

    /** A PDF of one page with a drawing and no text: what a scanner makes. */
    public static Path scan(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.addRect(50, 50, 400, 600);
                content.fill();
            }
            document.save(file.toFile());
        }
        return file;
    }
}
