package io.gazette.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmark of the search build steps on a synthetic Vietnamese archive:
 * {@code java -cp target/classes:target/test-classes:<deps> io.gazette.search.SearchBench 10000}.
 * Prints Lucene indexing, related-articles and static-export times, and (through Node, with the
 * real client) the bytes a cold and a further two-syllable query download.
 */
public final class SearchBench {
    private static final String SEED = """
            Ngày 15/08/2014, tại Bộ Xây dựng, Khối thi đua các Bộ, ngành kinh tế đã tổ chức Hội nghị Sơ kết công tác
            06 tháng đầu năm. Thứ trưởng Bộ Xây dựng chủ trì Hội nghị. Đến dự Hội nghị có Thứ trưởng Bộ Nội vụ, Trưởng
            ban Thi đua khen thưởng Trung ương, cùng đại diện lãnh đạo phụ trách công tác thi đua, khen thưởng của Bộ
            Giao thông vận tải, Bộ Nông nghiệp và Phát triển nông thôn, Bộ Tài nguyên môi trường, Bộ Thông tin Truyền
            thông, Bộ Công thương và Phòng Thương mại và Công nghiệp Việt Nam. Theo báo cáo sơ kết, dưới sự chỉ đạo của
            Hội đồng, công tác thi đua đã từng bước đổi mới cả về nội dung và hình thức. Các phong trào thi đua được tổ
            chức sâu rộng và bám sát thực tiễn, được các Bộ, ngành thuộc khối tích cực vận động và thực hiện. Nhiều thành
            quả đã đạt được, thể hiện vai trò lãnh đạo và sự chỉ đạo, quan tâm sâu sát của lãnh đạo các cấp ủy đảng,
            chính quyền; đồng thời cũng thể hiện sự phối hợp chặt chẽ, hiệu quả của các tổ chức đoàn thể. Hoạt động
            khen thưởng đã dần đảm bảo tiêu chuẩn, quy trình, thủ tục theo quy định; chất lượng thẩm định hồ sơ được nâng
            lên rõ rệt đảm bảo tính công khai, chính xác. Giải đua thuyền truyền thống trên sông Hàn thu hút đông đảo
            người dân. Vườn dừa Bến Tre vào mùa thu hoạch, nông dân đưa hàng ra chợ. An toàn giao thông, đội mũ bảo hiểm
            khi đi xe máy. Chuyển đổi số, ứng dụng công nghệ thông tin trong quản lý nhà nước, cải cách hành chính.
            Doanh nghiệp xuất khẩu gạo, cà phê, hạt điều tăng trưởng mạnh. Bão lũ miền Trung, cứu trợ đồng bào vùng
            thiên tai. Giáo dục đào tạo, kỳ thi tốt nghiệp trung học phổ thông, tuyển sinh đại học.
            """;

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path work = Path.of(args.length > 1 ? args[1] : "target/search-bench");
        List<SearchDocument> warm = generate(500, 1);
        StaticIndexExporter.export(warm, work.resolve("warmup"));
        SearchIndexer.rebuild(work.resolve("warmup-index"), warm);
        new RelatedArticles(warm).compute(5);

        List<SearchDocument> docs = generate(n, 42);
        long bodyChars = docs.stream().mapToLong(d -> d.body().length()).sum();
        System.out.printf("docs: %d, body text: %.1f MB%n", n, bodyChars / 1e6);

        long t0 = System.nanoTime();
        StaticIndexExporter.Result result = StaticIndexExporter.export(docs, work.resolve("site"));
        long t1 = System.nanoTime();
        System.out.printf("static export: %d ms, %d files, %.1f MB%n", (t1 - t0) / 1_000_000, result.files(), result.bytes() / 1e6);
        new RelatedArticles(docs).compute(5);
        long t2 = System.nanoTime();
        System.out.printf("related articles: %d ms%n", (t2 - t1) / 1_000_000);
        SearchIndexer.rebuild(work.resolve("index"), docs);
        long t3 = System.nanoTime();
        System.out.printf("lucene rebuild: %d ms%n", (t3 - t2) / 1_000_000);
        List<SearchDocument> changed = new ArrayList<>(docs);
        changed.set(0, new SearchDocument(docs.get(0).url(), "Đã sửa", "", "Nội dung mới.", List.of(), null, null, docs.get(0).date()));
        int changes = SearchIndexer.sync(work.resolve("index"), changed);
        long t4 = System.nanoTime();
        System.out.printf("lucene sync (%d changed): %d ms%n", changes, (t4 - t3) / 1_000_000);

        long maxShard;
        try (var files = Files.walk(work.resolve("site/search"))) {
            maxShard = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).max().orElse(0);
        }
        System.out.printf("largest file: %.1f KB%n", maxShard / 1024.0);

        try (SearchService search = SearchService.open(work.resolve("index"))) {
            for (String q : new String[]{"thi dua", "khen thuong", "dua thuyen"}) {
                long s0 = System.nanoTime();
                SearchResults r = search.search(q, SearchFilter.NONE, 0, 10);
                System.out.printf("java search \"%s\": %d results, %.1f ms%n", q, r.total(), (System.nanoTime() - s0) / 1e6);
            }
        }
        Process node = new ProcessBuilder("node", "src/test/js/bench-bytes.mjs", work.resolve("site").toString(),
                "thi dua", "khen thuong", "dua thuyen", "song han").redirectErrorStream(true).start();
        System.out.println(new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        node.waitFor();
    }

    /** Deterministic synthetic articles: seed-text sentences and Zipf-distributed syllable pairs. */
    static List<SearchDocument> generate(int n, long seed) {
        Random random = new Random(seed);
        List<String> words = new ArrayList<>();
        List<Syllable> syllables = VietnameseTokens.scan(SEED);
        for (int i = 1; i < syllables.size(); i++) {
            words.add(SEED.substring(syllables.get(i - 1).start(), syllables.get(i).end()).replaceAll("[\\s,.;]+", " "));
        }
        // The long tail a real archive has: plausible syllables (onset, vowel, ending, tone) combined
        // into 1–2 syllable words. Real Vietnamese text uses some 5,000 distinct syllables.
        String[] onsets = {"", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s", "t", "th", "tr", "v", "x"};
        String[] vowels = {"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ia", "iê", "ua", "uô", "ưa", "ươ", "oa", "oe", "uy"};
        String[] endings = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u"};
        String[] tones = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};
        List<String> inventory = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            String syllable = onsets[random.nextInt(onsets.length)] + vowels[random.nextInt(vowels.length)]
                    + tones[random.nextInt(tones.length)] + endings[random.nextInt(endings.length)];
            inventory.add(java.text.Normalizer.normalize(syllable, java.text.Normalizer.Form.NFC));
        }
        // Text repeats itself in phrases ("công tác thi đua"), which is what keeps the number of
        // distinct syllable pairs of real text far below that of random word salad.
        for (int i = 0; i < 40000; i++) {
            StringBuilder phrase = new StringBuilder(zipf(inventory, random));
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                phrase.append(' ').append(zipf(inventory, random));
            }
            words.add(phrase.toString());
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            tags.add(capitalize(zipf(words, random)));
        }
        List<SearchDocument> docs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder title = new StringBuilder(capitalize(zipf(words, random)));
            for (int w = 0; w < 6; w++) {
                title.append(' ').append(zipf(words, random));
            }
            StringBuilder body = new StringBuilder();
            int length = 120 + random.nextInt(150); // phrases, ≈ 400–1000 syllables
            for (int w = 0; w < length; w++) {
                body.append(w % 12 == 0 ? ". " + capitalize(zipf(words, random)) : " " + zipf(words, random));
            }
            List<String> docTags = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                String tag = tags.get(Math.min(tags.size() - 1, (int) Math.floor(Math.pow(random.nextDouble(), 3) * tags.size())));
                if (!docTags.contains(tag)) {
                    docTags.add(tag);
                }
            }
            LocalDate date = LocalDate.of(2008, 1, 1).plusDays(random.nextInt(17 * 365));
            docs.add(new SearchDocument(String.format("%d/%02d/bai-viet-so-%05d/", date.getYear(), date.getMonthValue(), i),
                    title.toString(), "", body.append('.').toString(), docTags, "Tin tức", "Phóng viên " + (i % 40), date));
        }
        return docs;
    }

    private static String zipf(List<String> words, Random random) {
        // Power-law pick: low indexes (seed text words) are frequent, the tail is rare.
        int i = (int) Math.floor(Math.pow(random.nextDouble(), 2.2) * words.size());
        return words.get(Math.min(i, words.size() - 1));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
