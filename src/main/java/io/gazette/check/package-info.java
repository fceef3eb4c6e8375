/**
 * Verifying a built site ({@code gazette check}): links, images, feeds, sitemap and HTML.
 * Its one door to the build is {@link io.gazette.check.SiteBuilder}.
 *
 * <p>May use: build, problems, text.
 */
package io.gazette.check;
