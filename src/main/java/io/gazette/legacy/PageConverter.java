package io.gazette.legacy;

import io.gazette.text.Slugs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts the bytes of one legacy page (a text export or a saved HTML page) into an article in
 * Gazette's Markdown. Pure: no files are touched, and the same bytes and settings always give the
 * same Markdown. Never throws for bad input; a page it cannot understand is a {@link Conversion.Failed}.
 */
public final class PageConverter {
    /** Bigger than any article page; a guard against importing a database dump by mistake. */
    public static final int MAX_PAGE_BYTES = 20 * 1024 * 1024;

    private final ImportSettings settings;
    private final TagSuggester tags;

    public PageConverter(ImportSettings settings) {
        this.settings = settings;
        this.tags = new TagSuggester(settings.tagRules());
    }

    /**
     * @param name  the page's path relative to the folder being imported (or its file name), with
     *              {@code /}: decides text or HTML by extension and makes the alias
     */
    public Conversion convert(byte[] bytes, String name) {
        try {
            return convertOrThrow(bytes, name);
        } catch (ImportFailure e) {
            return new Conversion.Failed(e.line(), e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of ours, not of the page; still one page must not stop a whole import.
            return new Conversion.Failed(0, "internal error while reading the page: " + e);
        }
    }

    private Conversion convertOrThrow(byte[] bytes, String name) throws ImportFailure {
        if (bytes.length > MAX_PAGE_BYTES) {
            throw new ImportFailure(0, "larger than " + MAX_PAGE_BYTES / (1024 * 1024) + " MB; not an article page");
        }
        String text = SavedPageText.decode(bytes);
        LegacyPage page = isHtml(name, text) ? new HtmlPageReader().read(text) : TextPageReader.read(text);
        LegacyBody body = LegacyBody.of(page.blocks());
        String slug = Slugs.forTitle(page.title());
        if (!Slugs.isValid(slug)) {
            throw new ImportFailure(0, "the title '" + page.title() + "' has no letters or digits to name a file after");
        }
        String author = page.author() != null ? page.author() : body.author();
        String category = settings.categoryFor(page.category());
        List<String> aliases = settings.aliasBase() == null ? List.of() : List.of(settings.aliasFor(name));
        LegacyArticle article = new LegacyArticle(page.title(), page.date(), author, category,
                tags.suggest(page.title(), body.plainTexts()), aliases, body.blocks());
        List<String> warnings = new ArrayList<>(page.warnings());
        for (String src : body.pictureSources()) {
            warnings.add("image " + src + " must be copied from the old site; the article refers to it");
        }
        return new Conversion.Converted(article, ArticleMarkdown.format(article),
                page.date().day().getYear() + "/" + slug + ".md", warnings);
    }

    /** By extension; anything else is sniffed: a page that starts with a tag is HTML. */
    static boolean isHtml(String name, String text) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml") || lower.endsWith(".aspx")) {
            return true;
        }
        if (lower.endsWith(".txt")) {
            return false;
        }
        String start = text.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<?xml")
                || start.startsWith("<head") || start.startsWith("<body") || start.startsWith("<table") || start.startsWith("<div");
    }
}
