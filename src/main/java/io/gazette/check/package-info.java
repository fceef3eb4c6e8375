/**
 * Verifying a built site ({@code gazette check}): links, images, feeds, sitemap and HTML.
 * Its one door to the build is {@link io.gazette.check.SiteBuilder}.
 */
package io.gazette.check;
