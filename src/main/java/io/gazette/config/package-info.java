/**
 * What {@code site.yml}, the command line and the environment say about the site:
 * {@link io.gazette.config.SiteSettings} lists every key with its default,
 * {@link io.gazette.config.ConfigLoader} reads them into a {@link io.gazette.config.SiteConfig}, and
 * {@link io.gazette.config.SafeYaml} is the YAML loader every part of Gazette uses
 * ({@code YamlMapping.parse} reads the plain {@code key: "value"} lines of most front matter
 * itself, {@code PlainYamlMapping}, and hands anything else to SafeYaml).
 *
 * <p>May use: problems, text.
 */
package io.gazette.config;
