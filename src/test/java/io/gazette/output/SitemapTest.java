package io.gazette.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SitemapTest {
    private static final String BASE = "https://example.org/archive/";

    @Test
    void sitemapXmlIsAnIndexOfThePagesAndTheNewsSitemap() {
        List<Sitemap.Entry> entries = List.of(new Sitemap.Entry(BASE, "2014-08-18T09:00:00+07:00"),
                new Sitemap.Entry(BASE + "2014/08/hoi-nghi/", "2014-08-18T09:00:00+07:00"));
        Map<String, byte[]> files = Sitemap.write(entries, BASE, List.of(NewsSitemap.FILE));
        assertThat(files.keySet()).containsExactly("sitemap-1.xml", "sitemap.xml");
        assertThat(Sitemap.fileNames(entries.size())).containsExactlyElementsOf(files.keySet());
        assertThat(text(files, "sitemap.xml")).contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">")
                .contains("<sitemap><loc>https://example.org/archive/sitemap-1.xml</loc></sitemap>")
                .contains("<sitemap><loc>https://example.org/archive/sitemap-news.xml</loc></sitemap>")
                .doesNotContain("hoi-nghi");
        assertThat(text(files, "sitemap-1.xml")).contains("<urlset ")
                .contains("<loc>https://example.org/archive/2014/08/hoi-nghi/</loc>");
    }

    @Test
    void pastFiftyThousandUrlsThePagesAreSplitUnderTheSameIndex() {
        List<Sitemap.Entry> entries = new ArrayList<>();
        for (int i = 0; i <= Sitemap.MAX_URLS_PER_FILE; i++) {
            entries.add(new Sitemap.Entry(BASE + "bai-" + i + "/", null));
        }
        Map<String, byte[]> files = Sitemap.write(entries, BASE, List.of(NewsSitemap.FILE));
        assertThat(files.keySet()).containsExactly("sitemap-1.xml", "sitemap-2.xml", "sitemap.xml");
        assertThat(Sitemap.fileNames(entries.size())).containsExactlyElementsOf(files.keySet());
        assertThat(text(files, "sitemap-2.xml")).contains("bai-50000/").doesNotContain("bai-49999/");
        String index = text(files, "sitemap.xml");
        assertThat(index.indexOf("sitemap-1.xml")).isLessThan(index.indexOf("sitemap-2.xml"));
        assertThat(index.indexOf("sitemap-2.xml")).isLessThan(index.indexOf("sitemap-news.xml"));
    }

    /** The preview makes one part, or the index, alone: the same bytes as the whole set's. */
    @Test
    void aPartOrTheIndexMadeAloneIsTheSameAsInTheWholeSet() {
        List<Sitemap.Entry> entries = new ArrayList<>();
        for (int i = 0; i < Sitemap.MAX_URLS_PER_FILE + 7; i++) {
            entries.add(new Sitemap.Entry(BASE + "bai-" + i + "/", i % 2 == 0 ? null : "2017-05-27T10:16:00+07:00"));
        }
        Map<String, byte[]> files = Sitemap.write(entries, BASE, List.of(NewsSitemap.FILE));
        assertThat(Sitemap.part(entries.subList(0, Sitemap.MAX_URLS_PER_FILE))).isEqualTo(files.get("sitemap-1.xml"));
        assertThat(Sitemap.part(entries.subList(Sitemap.MAX_URLS_PER_FILE, entries.size())))
                .isEqualTo(files.get("sitemap-2.xml"));
        assertThat(Sitemap.index(entries.size(), BASE, List.of(NewsSitemap.FILE))).isEqualTo(files.get("sitemap.xml"));
    }

    /**
     * The buffer of a part is made at its size once: the guess is never below the characters the
     * part takes (else the buffer grows by doubling, a copy of it all), and not far above them.
     */
    @Test
    void aPartsBufferIsGuessedAtLeastItsSizeAndNotMuchMore() {
        List<Sitemap.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String url = BASE + "2017/06/bai-viet-ve-giao-thong-ha-noi-so-" + i + "/" + (i % 50 == 0 ? "?a=1&b=2" : "");
            entries.add(new Sitemap.Entry(url, i % 3 == 0 ? null : "2017-05-27T10:16:00+07:00"));
        }
        for (List<Sitemap.Entry> part : List.of(entries, entries.subList(0, 1), List.<Sitemap.Entry>of())) {
            int chars = new String(Sitemap.part(part), StandardCharsets.UTF_8).length();
            assertThat(Sitemap.urlSetChars(part)).isGreaterThanOrEqualTo(chars).isLessThanOrEqualTo(chars + chars / 16 + 200);
        }
    }

    private static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }
}
