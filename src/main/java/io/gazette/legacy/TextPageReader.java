package io.gazette.legacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a text export of an old-site page (a browser's "save as text" or copy of the page): the
 * "Hôm nay" header, the title, the date line, the rating widget, one paragraph per line, the
 * signature, then "Bài viết khác" and the visitor counter.
 *
 * <p>The publication date is the first date line with a title above it. The old site printed it
 * right under the title; a date line further down is either inside the text (kept as text) or
 * repeated chrome directly under the first one (dropped with a warning).
 */
final class TextPageReader {
    private TextPageReader() {
    }

    static LegacyPage read(String text) throws ImportFailure {
        List<String> lines = SavedPageText.lines(text);
        ImportFailure titleless = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!DateLines.looksLikeDateLine(line)) {
                continue;
            }
            if (PageChrome.isNoise(line)) {
                continue;
            }
            List<String> title = titleAbove(lines, i);
            if (title.isEmpty()) {
                if (titleless == null) {
                    titleless = new ImportFailure(i + 1, "the date line '" + line + "' has no title above it");
                }
                continue;
            }
            Optional<PublicationDate> date = DateLines.parse(line, i + 1);
            if (date.isPresent()) {
                return page(String.join(" ", title), date.get(), lines, i);
            }
        }
        if (titleless != null) {
            throw titleless;
        }
        throw new ImportFailure(0, "no date line such as 'Thứ hai, 18/08/2014' (weekday, dd/mm/yyyy) under a title");
    }

    private static LegacyPage page(String title, PublicationDate date, List<String> lines, int dateIndex) {
        List<String> warnings = new ArrayList<>();
        if (!date.weekdayMatches()) {
            warnings.add("line " + (dateIndex + 1) + ": the weekday does not match " + date.day()
                    + " (a " + date.day().getDayOfWeek() + "); the date was kept");
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = dateIndex + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (PageChrome.endsArticle(line)) {
                break;
            }
            if (PageChrome.isNoise(line)) {
                continue;
            }
            if (blocks.isEmpty() && DateLines.looksLikeDateLine(line)) {
                warnings.add("line " + (i + 1) + ": second date line '" + line
                        + "' ignored; the one under the title (line " + (dateIndex + 1) + ") is the publication date");
                continue;
            }
            blocks.add(Block.Text.paragraph(line, MarkdownText.paragraph(line), i + 1));
        }
        return new LegacyPage(title, date, null, category(lines, dateIndex), blocks, warnings);
    }

    /** A breadcrumb line above the date line names the article's category. */
    private static String category(List<String> lines, int dateIndex) {
        String category = null;
        for (int i = 0; i < dateIndex; i++) {
            String section = PageChrome.breadcrumbSection(lines.get(i));
            if (section != null) {
                category = section;
            }
        }
        return category;
    }

    /** The lines right above the date line (blank lines between allowed), up to a blank or chrome line. */
    private static List<String> titleAbove(List<String> lines, int dateIndex) {
        int j = dateIndex - 1;
        while (j >= 0 && lines.get(j).isEmpty()) {
            j--;
        }
        List<String> title = new ArrayList<>();
        while (j >= 0 && !lines.get(j).isEmpty() && !PageChrome.isNoise(lines.get(j))
                && !PageChrome.endsArticle(lines.get(j)) && !DateLines.looksLikeDateLine(lines.get(j))) {
            title.add(0, lines.get(j));
            j--;
        }
        return title;
    }
}
