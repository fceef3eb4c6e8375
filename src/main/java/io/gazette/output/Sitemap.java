package io.gazette.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sitemaps. {@code sitemap.xml}, the address robots.txt and Search Console are given, is always
 * a sitemap index: it lists the pages' sitemap, {@code sitemap-1.xml} (a larger archive gets
 * {@code sitemap-2.xml}, … : the protocol allows 50,000 URLs a file), and the other sitemaps of the
 * site, such as the news sitemap, so that submitting the one address submits them all. Its shape
 * does not change when the archive passes 50,000 pages.
 */
public final class Sitemap {
    public static final int MAX_URLS_PER_FILE = 50_000;
    private static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /** @param lastmod RFC 3339 date, or null when the page has none */
    public record Entry(String absoluteUrl, String lastmod) {
    }

    private Sitemap() {
    }

    /** The index, the file robots.txt names. */
    public static final String INDEX = "sitemap.xml";

    /**
     * The files {@link #write} makes for {@code entryCount} entries, in its order: the numbered
     * parts ({@code sitemap-1.xml}, at least one) followed by {@link #INDEX}.
     */
    public static List<String> fileNames(int entryCount) {
        List<String> names = new ArrayList<>();
        for (int from = 0, n = 1; n == 1 || from < entryCount; from += MAX_URLS_PER_FILE, n++) {
            names.add("sitemap-" + n + ".xml");
        }
        names.add(INDEX);
        return names;
    }

    /**
     * File name → content: the parts holding {@code entries}, and the index listing them and then
     * {@code otherSitemaps} (file names under the base URL, written elsewhere).
     */
    public static Map<String, byte[]> write(List<Entry> entries, String baseUrl, List<String> otherSitemaps) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> names = fileNames(entries.size());
        for (int part = 0; part < names.size() - 1; part++) {
            int from = part * MAX_URLS_PER_FILE;
            files.put(names.get(part), urlSet(entries.subList(from, Math.min(from + MAX_URLS_PER_FILE, entries.size()))));
        }
        files.put(INDEX, index(entries.size(), baseUrl, otherSitemaps));
        return files;
    }

    /**
     * The index {@link #write} makes for {@code entryCount} entries, alone: a preview rebuild
     * makes only the files whose entries changed.
     */
    public static byte[] index(int entryCount, String baseUrl, List<String> otherSitemaps) {
        List<String> names = fileNames(entryCount);
        List<String> indexed = new ArrayList<>(names.subList(0, names.size() - 1));
        indexed.addAll(otherSitemaps);
        XmlWriter index = new XmlWriter(indexed.size() * 100 + 200);
        index.root("sitemapindex", NAMESPACE);
        for (String name : indexed) {
            index.line(1).start("sitemap").element("loc", baseUrl + name).end();
        }
        return index.line(0).end().finish();
    }

    /**
     * Part {@code part} (0-based) of the files {@link #write} makes, from the entries of that
     * part alone ({@code entries} at {@code part × MAX_URLS_PER_FILE} and after).
     */
    public static byte[] part(List<Entry> entriesOfPart) {
        if (entriesOfPart.size() > MAX_URLS_PER_FILE) {
            throw new IllegalArgumentException("a sitemap holds at most " + MAX_URLS_PER_FILE + " URLs");
        }
        return urlSet(entriesOfPart);
    }

    private static byte[] urlSet(List<Entry> entries) {
        XmlWriter xml = new XmlWriter(urlSetChars(entries));
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

    /**
     * About how many characters {@link #urlSet} writes for {@code entries}, a little more rather
     * than less: its buffer is made once at this size. A guess of 120 a URL was short for the real
     * archive's (1.6 million chars at 10,000 URLs), and the buffer grew by doubling: 2.4 then 4.8 MB
     * of chars, the first copied into the second, in every build that wrote the sitemap.
     */
    static int urlSetChars(List<Entry> entries) {
        long chars = 200; // the declaration, the root element and its namespace
        for (Entry entry : entries) {
            chars += 25 + entry.absoluteUrl().length(); // "\n  <url><loc>", "</loc>", "</url>"
            if (entry.lastmod() != null) {
                chars += 19 + entry.lastmod().length(); // "<lastmod>", "</lastmod>"
            }
        }
        chars += chars / 32; // room for escapes ("&amp;" in a query string)
        return (int) Math.min(Integer.MAX_VALUE - 16, chars);
    }
}
