package io.gazette.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sitemap.xml}. The protocol allows 50,000 URLs a file; a larger archive gets
 * {@code sitemap-1.xml}, {@code sitemap-2.xml}, … and {@code sitemap.xml} becomes their index.
 */
public final class Sitemap {
    public static final int MAX_URLS_PER_FILE = 50_000;
    private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /** @param lastmod RFC 3339 date, or null when the page has none */
    public record Entry(String absoluteUrl, String lastmod) {
    }

    private Sitemap() {
    }

    /**
     * The files {@link #write} makes for {@code entryCount} entries, in its order: one
     * {@code sitemap.xml}, or the numbered parts followed by {@code sitemap.xml} as their index.
     */
    public static List<String> fileNames(int entryCount) {
        if (entryCount <= MAX_URLS_PER_FILE) {
            return List.of("sitemap.xml");
        }
        List<String> names = new ArrayList<>();
        for (int from = 0, n = 1; from < entryCount; from += MAX_URLS_PER_FILE, n++) {
            names.add("sitemap-" + n + ".xml");
        }
        names.add("sitemap.xml");
        return names;
    }

    /** File name → content. */
    public static Map<String, byte[]> write(List<Entry> entries, String baseUrl) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (entries.size() <= MAX_URLS_PER_FILE) {
            files.put("sitemap.xml", urlSet(entries));
            return files;
        }
        List<String> names = new ArrayList<>();
        for (int from = 0, n = 1; from < entries.size(); from += MAX_URLS_PER_FILE, n++) {
            String name = "sitemap-" + n + ".xml";
            names.add(name);
            files.put(name, urlSet(entries.subList(from, Math.min(from + MAX_URLS_PER_FILE, entries.size()))));
        }
        XmlWriter index = new XmlWriter(names.size() * 100 + 200);
        index.root("sitemapindex", NAMESPACE);
        for (String name : names) {
            index.line(1).start("sitemap").element("loc", baseUrl + name).end();
        }
        files.put("sitemap.xml", index.line(0).end().finish());
        return files;
    }

    private static byte[] urlSet(List<Entry> entries) {
        XmlWriter xml = new XmlWriter(entries.size() * 120 + 200);
        xml.root("urlset", NAMESPACE);
        for (Entry entry : entries) {
            xml.line(1).start("url").element("loc", entry.absoluteUrl());
            if (entry.lastmod() != null) {
                xml.element("lastmod", entry.lastmod());
            }
            xml.end();
        }
        return xml.line(0).end().finish();
    }
}
