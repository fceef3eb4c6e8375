package io.gazette.legacy;

import java.util.List;

/**
 * One imported article, ready to be written as Markdown with front matter.
 *
 * @param author   null when the page is unsigned (the site's default author applies)
 * @param category null when unknown
 * @param body     Markdown blocks, written separated by one blank line
 */
public record LegacyArticle(String title, PublicationDate date, String author, String category,
                            List<TagSuggestion> tags, List<String> aliases, List<String> body) {
    public LegacyArticle {
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
        body = List.copyOf(body);
    }

    public List<String> tagNames() {
        return tags.stream().map(TagSuggestion::tag).toList();
    }
}
