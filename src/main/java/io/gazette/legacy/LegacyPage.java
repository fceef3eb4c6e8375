package io.gazette.legacy;

import java.util.List;

/**
 * What a reader found on one legacy page, before the body is interpreted.
 *
 * @param author    an author the page states outside the body (HTML byline), or null
 * @param category  the section the page sits in (HTML breadcrumb), or null
 * @param warnings  things an editor should look at, as {@code line N: ...} or plain sentences
 */
record LegacyPage(String title, PublicationDate date, String author, String category, List<Block> blocks,
                  List<String> warnings) {
    LegacyPage {
        blocks = List.copyOf(blocks);
        warnings = List.copyOf(warnings);
    }
}
