/**
 * Verifying a built site ({@code gazette check}): links, images, feeds, sitemap and HTML.
 * Its one door to the build is {@link io.gazette.check.SiteBuilder}, which the {@code check}
 * command implements; from the build it also reads the {@link io.gazette.build.SourceMap}, to
 * point a problem in a page at the Markdown line that made it.
 *
 * <p>May use: build, problems, text.
 */
package io.gazette.check;
