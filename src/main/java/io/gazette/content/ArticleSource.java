package io.gazette.content;

import java.nio.file.Path;

/**
 * One content file, read and validated, before Markdown is rendered.
 *
 * @param path          path relative to the project, as shown in messages ({@code content/2014/a.md})
 * @param markdown      the body after the front matter; empty in the inputs a build keeps once the
 *                      body is rendered (the build's content stage drops it to save memory)
 * @param bodyFirstLine file line where the body starts, for problems found while rendering it
 */
public record ArticleSource(Path path, FrontMatter frontMatter, String markdown, int bodyFirstLine) {
}
