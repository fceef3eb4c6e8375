package io.gazette.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Documents published with the site (attachments of articles, files of {@code static/}): an
 * empty file, or one whose bytes are not of the type its name promises (a Word file renamed to
 * {@code .pdf}, an HTML error page saved as {@code .docx}), is an error: readers would download
 * something their program cannot open. Only the first bytes are read.
 */
final class DocumentChecker {
    /** Extension → what the file must start with, and the name of that format. */
    private record Signature(byte[] magic, String format) {
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final Map<String, Signature> SIGNATURES = Map.ofEntries(
            Map.entry("pdf", new Signature(new byte[] {'%', 'P', 'D', 'F', '-'}, "PDF")),
            Map.entry("docx", new Signature(ZIP, "Word (.docx, a ZIP package)")),
            Map.entry("xlsx", new Signature(ZIP, "Excel (.xlsx, a ZIP package)")),
            Map.entry("pptx", new Signature(ZIP, "PowerPoint (.pptx, a ZIP package)")),
            Map.entry("odt", new Signature(ZIP, "OpenDocument (a ZIP package)")),
            Map.entry("ods", new Signature(ZIP, "OpenDocument (a ZIP package)")),
            Map.entry("doc", new Signature(OLE, "Word 97–2003")),
            Map.entry("xls", new Signature(OLE, "Excel 97–2003")),
            Map.entry("ppt", new Signature(OLE, "PowerPoint 97–2003")));

    private DocumentChecker() {
    }

    static boolean isDocument(String lowerSitePath) {
        return SIGNATURES.containsKey(extension(lowerSitePath));
    }

    static FileReport check(String sitePath, Path file) throws IOException {
        FileReport report = new FileReport(sitePath);
        Signature signature = SIGNATURES.get(extension(sitePath.toLowerCase(Locale.ROOT)));
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read == 0) {
            report.error(0, "the document is empty (0 bytes)", "replace it with the real file");
        } else if (!startsWith(head, read, signature.magic())) {
            report.error(0, "the file is named ." + extension(sitePath.toLowerCase(Locale.ROOT))
                    + " but is not a " + signature.format() + " file", "the file was renamed or saved wrongly;"
                    + " export the document again, or give it the extension of what it is");
        }
        return report;
    }

    private static boolean startsWith(byte[] head, int read, byte[] magic) {
        if (read < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 || dot < path.lastIndexOf('/') ? "" : path.substring(dot + 1);
    }
}
