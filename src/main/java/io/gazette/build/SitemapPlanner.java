package io.gazette.build;

import io.gazette.output.NewsSitemap;
import io.gazette.output.Sitemap;
import io.gazette.render.DateFormats;
import io.gazette.site.Article;
import io.gazette.site.Fingerprint;
import io.gazette.site.Site;
import io.gazette.site.SiteUrls;
import io.gazette.site.TermPage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The files crawlers read, planned with their fingerprints: the sitemap index and its parts, the
 * Google News sitemap and {@code robots.txt}, which names both. Their XML is written by
 * {@link Sitemap} and {@link NewsSitemap}, and only for the files produced.
 */
final class SitemapPlanner {
    private SitemapPlanner() {
    }

    /** The Google News sitemap: the articles of the two days before {@code now}. */
    static void planNewsSitemap(Site site, Instant now, Consumer<PlannedFile> files) {
        List<Article> recent = NewsSitemap.recent(site.articles(), now);
        Fingerprint fp = new Fingerprint().add(site.urls().baseUrl()).add(site.config().title())
                .add(site.config().language()).add(recent.size());
        recent.forEach(a -> fp.add(a.cardHash()));
        files.accept(new PlannedFile(NewsSitemap.FILE, fp.value(), (path, sink) -> sink.write(path,
                NewsSitemap.write(recent, site.config().title(), site.config().language(), site.urls()))));
    }

    /**
     * The sitemap lists every article with its {@code lastmod}, and every tag and category page
     * with its newest article's: its fingerprint hashes those articles' card hashes, which cover
     * both, and its content is made only when it is produced.
     */
    static void planSitemapAndRobots(Site site, Consumer<PlannedFile> files) {
        List<TermPage> terms = new ArrayList<>(site.tags());
        terms.addAll(site.categories());
        int count = 1 + site.articles().size() + terms.size();
        long[] entryHashes = new long[count];
        entryHashes[0] = site.articles().isEmpty() ? 0 : site.articles().get(0).cardHash();
        int i = 1;
        for (Article article : site.articles()) {
            entryHashes[i++] = article.cardHash();
        }
        for (TermPage term : terms) {
            entryHashes[i++] = new Fingerprint().add(term.term().url()).add(term.articles().get(0).cardHash()).value();
        }
        List<String> names = Sitemap.fileNames(count);
        SitemapContent content = new SitemapContent(site, terms);
        for (int part = 0; part < names.size(); part++) {
            // The index (last) depends on the number of parts and the other sitemaps' names only.
            Fingerprint fp = new Fingerprint().add(site.urls().baseUrl()).add(count).add(NewsSitemap.FILE);
            if (part < names.size() - 1) {
                int from = part * Sitemap.MAX_URLS_PER_FILE;
                int to = Math.min(count, from + Sitemap.MAX_URLS_PER_FILE);
                for (int e = from; e < to; e++) {
                    fp.add(entryHashes[e]);
                }
            }
            files.accept(new PlannedFile(names.get(part), fp.value(), (path, sink) -> sink.write(path, content.file(path))));
        }
        // The index lists the news sitemap too; naming it here as well costs nothing and lets
        // crawlers that read robots.txt but not indexes find it.
        byte[] robots = ("User-agent: *\nAllow: /\n\nSitemap: " + site.urls().absolute(Sitemap.INDEX) + "\nSitemap: "
                + site.urls().absolute(NewsSitemap.FILE) + "\n").getBytes(StandardCharsets.UTF_8);
        files.accept(new PlannedFile("robots.txt", java.util.Arrays.hashCode(robots), (path, sink) -> sink.write(path, robots)));
    }

    /** The sitemap files of one generation, made once when the first of them is produced. */
    private static final class SitemapContent {
        private final Site site;
        private final List<TermPage> terms;
        private Map<String, byte[]> files;

        SitemapContent(Site site, List<TermPage> terms) {
            this.site = site;
            this.terms = terms;
        }

        synchronized byte[] file(String name) {
            if (files == null) {
                SiteUrls urls = site.urls();
                List<Sitemap.Entry> entries = new ArrayList<>(1 + site.articles().size() + terms.size());
                String newest = site.articles().isEmpty() ? null : DateFormats.iso(site.articles().get(0).lastmod());
                entries.add(new Sitemap.Entry(urls.absolute(""), newest));
                for (Article article : site.articles()) {
                    entries.add(new Sitemap.Entry(urls.absolute(article.url()), DateFormats.iso(article.lastmod())));
                }
                for (TermPage term : terms) {
                    entries.add(new Sitemap.Entry(urls.absolute(term.term().url()),
                            DateFormats.iso(term.articles().get(0).lastmod())));
                }
                files = new TreeMap<>(Sitemap.write(entries, urls.baseUrl(), List.of(NewsSitemap.FILE)));
            }
            return files.get(name);
        }
    }
}
