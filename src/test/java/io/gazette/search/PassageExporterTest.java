package io.gazette.search;

import io.gazette.output.MemorySink;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;

class PassageExporterTest {
    private static final String KHEN = "Hội đồng Thi đua, Khen thưởng trao giấy khen cho các tập thể xuất sắc.";

    /** The records' own UTF-8 encoder gives String's bytes, lone surrogates ('?') and all. */
    /**
     * Each try of a record's fit deflates the head and a cut of the text taken from one encoding of
     * the whole text: the same bytes as the cut text ({@code …} added when cut) encoded on its own,
     * whatever the chars (surrogate pairs, lone surrogates, an ellipsis in the text) and whatever
     * order the cuts are tried in.
     */
    @Test
    void eachCutIsDeflatedFromTheBytesTheCutTextEncodesTo() throws Exception {
        java.util.Random random = new java.util.Random(7);
        char[] alphabet = {'a', ' ', '\n', 'é', 'ệ', 'Đ', '…', '\u00a0', '\u07ff', '\u0800', '\uffff', '\ud83d', '\ude00',
                '\udbff', '\udc00', '\u007f', '\u0080'};
        List<String> texts = new ArrayList<>(List.of("", KHEN, "😀 x", "\ud83d", "\ude00a", "a\ud83d", "\ud83d\ud83d\ude00"));
        for (int t = 0; t < 1_000; t++) {
            char[] chars = new char[random.nextInt(40)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
            texts.add(new String(chars));
        }
        byte[] head = "[\"u/\",\"Tiêu đề\"]\n".getBytes(StandardCharsets.UTF_8);
        for (String text : texts) {
            PassageExporter.Input input = PassageExporter.Input.of(head, text);
            List<Integer> ends = new ArrayList<>();
            for (int end = 0; end <= text.length(); end++) {
                // A cut never ends after the first half of a surrogate pair (PassageExporter.cutEnd).
                if (end == 0 || !Character.isHighSurrogate(text.charAt(end - 1))) {
                    ends.add(end);
                }
            }
            java.util.Collections.shuffle(ends, random);
            for (int end : ends) {
                byte[] kept = PassageExporter.kept(text, end).getBytes(StandardCharsets.UTF_8);
                byte[] expected = Arrays.copyOf(head, head.length + kept.length);
                System.arraycopy(kept, 0, expected, head.length, kept.length);
                assertThat(inflateBytes(input.deflateKept(end))).as(text + " cut at " + end).isEqualTo(expected);
            }
        }
    }

    /**
     * The passage text made from the indexer's chars of a body is the one made from the body
     * itself: NFC bodies with runs of whitespace, no-break spaces, a body longer than the part
     * looked at, and one NFC changes (taken from the body itself).
     */
    @Test
    void thePassageTextFromTheIndexersCharsIsTheBodys() {
        String nfd = java.text.Normalizer.normalize("Thi đua khen thưởng  \n\n năm nay ", java.text.Normalizer.Form.NFD);
        List<String> bodies = List.of(KHEN, "  \u00a0 " + KHEN + "\n\n\t" + KHEN + " \r\n ", longBody(),
                (KHEN + "\n \n").repeat(2_000), nfd + KHEN, "x", "😀  😀 \ud83d a");
        for (String body : bodies) {
            List<SearchFields.Text> texts = SearchFields.texts(SearchFixtures.doc("u/", "T", body, "2020-01-01"), "body");
            assertThat(texts).hasSize(1);
            assertThat(PassageExporter.text(body, texts.get(0))).as(body).isEqualTo(PassageExporter.text(body));
        }
        assertThat(PassageExporter.text("  ", null)).isEqualTo(PassageExporter.text("  "));
    }

    /** Every document's record comes back from its pack's offsets, in the index's numbering: row, then text. */
    @Test
    void eachDocumentsRecordIsReadBackFromItsRangeInDocumentOrder() throws Exception {
        List<SearchDocument> docs = new ArrayList<>(RelatedArticlesTest.bigArchive());
        docs.add(SearchFixtures.doc("dai/", "Bài dài", longBody(), "2013-01-02"));
        docs.add(SearchFixtures.doc("rong/", "Bài không có thân", "", "2012-01-02"));
        MemorySink sink = new MemorySink();
        List<SearchDocument> numbered = new ArrayList<>();
        PassageExporter.Result result = export(docs, "v1", sink, numbered);
        Map<String, byte[]> files = sink.contents();
        assertThat(result.paths()).first().isEqualTo("search/passages.json");
        assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(result.paths());
        assertThat(result.bytes()).isEqualTo(files.values().stream().mapToLong(b -> b.length).sum());

        String json = new String(files.get("search/passages.json"), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"format\":2,\"index\":\"v1\",\"docs\":" + docs.size() + ",\"per\":"
                + PassageExporter.PER_PACK + ",\"packs\":1}\n");
        // Few files: one pack per 1,024 documents.
        assertThat(files).hasSize(2).containsKey("search/p/0.bin");

        for (int d = 0; d < docs.size(); d++) {
            SearchDocument doc = numbered.get(d);
            byte[] raw = range(files, d);
            assertThat(raw.length).isLessThanOrEqualTo(PassageExporter.STORED_BYTES);
            String record = inflate(raw);
            int nl = record.indexOf('\n');
            assertThat(record.substring(0, nl)).as(doc.url()).startsWith("[\"" + doc.url() + "\",");
            String text = record.substring(nl + 1);
            String body = Snippets.collapse(doc.body());
            if (text.endsWith("…")) {
                // Cut between words, and only when the whole would not fit.
                assertThat(PassageExporter.deflate(record.substring(0, nl + 1) + body).length)
                        .isGreaterThan(PassageExporter.STORED_BYTES);
                String kept = text.substring(0, text.length() - 1);
                assertThat(body).startsWith(kept);
                assertThat(body.charAt(kept.length())).isEqualTo(' ');
                assertThat(kept.length()).isGreaterThan(1_500);
            } else {
                assertThat(text).as(doc.url()).isEqualTo(body);
            }
        }
        int longDoc = numbered.stream().map(SearchDocument::url).toList().indexOf("dai/");
        String longText = inflate(range(files, longDoc));
        assertThat(longText).endsWith("…").doesNotContain(KHEN);
    }

    /**
     * A long text is cut where its record nearly fills the limit, found in a few deflates of about
     * the record's size (the whole text is never deflated): for texts that deflate well and badly.
     */
    @Test
    void aLongTextIsCutToNearlyFillTheRecordInAFewDeflates() throws Exception {
        byte[] head = "[\"dai/\",\"Bài dài\",\"2013-01-02\",[],\"Câu thứ nhất\"]\n".getBytes(StandardCharsets.UTF_8);
        java.util.Random random = new java.util.Random(3);
        StringBuilder noisy = new StringBuilder();
        while (noisy.length() < 20_000) {
            noisy.append(Long.toString(random.nextLong(), 36)).append(random.nextInt(4) == 0 ? " đổi mới " : " ");
        }
        String[] words = KHEN.split(" ");
        StringBuilder shuffled = new StringBuilder();
        while (shuffled.length() < 20_000) {
            shuffled.append(words[random.nextInt(words.length)]).append(random.nextInt(9) == 0 ? ".\n" : " ");
        }
        for (String body : List.of(longBody(), shuffled.toString(), noisy.toString())) {
            String text = PassageExporter.text(body);
            PassageExporter.Fitted fitted = PassageExporter.fit(head, text);
            assertThat(fitted.data().length).isLessThanOrEqualTo(PassageExporter.STORED_BYTES)
                    .isGreaterThanOrEqualTo((int) (PassageExporter.STORED_BYTES * PassageExporter.FULL));
            assertThat(fitted.deflates()).isLessThanOrEqualTo(3);
            String record = inflate(fitted.data());
            assertThat(record).startsWith(new String(head, StandardCharsets.UTF_8)).endsWith("…");
            String cut = record.substring(new String(head, StandardCharsets.UTF_8).length(), record.length() - 1);
            assertThat(text).startsWith(cut + " ");
        }
    }

    /**
     * A long text that deflates about as news does is cut in one deflate: the first try aims below
     * the limit, so it fits, and it fills enough of it to be kept (aimed at the whole limit, it
     * did not fit, and a second, shorter deflate was kept).
     */
    @Test
    void aTypicalLongTextIsCutInOneDeflate() throws Exception {
        byte[] head = "[\"tin/\",\"Tin\",\"2017-05-20\",[],\"Tin\"]\n".getBytes(StandardCharsets.UTF_8);
        String[] onsets = {"b", "c", "ch", "d", "đ", "g", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s", "t",
                "th", "tr", "v", "x"};
        String[] rhymes = {"a", "à", "ác", "ai", "ản", "ăng", "âu", "ấy", "e", "ế", "ên", "i", "ình", "o", "ồng", "ơi",
                "ớn", "u", "ùng", "ước", "ưởng", "uy", "yên"};
        java.util.Random random = new java.util.Random(11);
        String[] words = new String[1000];
        for (int w = 0; w < words.length; w++) {
            words[w] = onsets[random.nextInt(onsets.length)] + rhymes[random.nextInt(rhymes.length)];
        }
        StringBuilder body = new StringBuilder();
        while (body.length() < 12_000) {
            // Common words far more often than rare ones, as in prose, and a figure now and then:
            // a head of this text deflates to 0.45 of its bytes, as news does (0.34-0.50).
            int w = (int) (words.length * Math.pow(random.nextDouble(), 2));
            body.append(random.nextInt(10) == 0 ? Integer.toString(random.nextInt(10_000)) : words[w])
                    .append(random.nextInt(12) == 0 ? ". " : " ");
        }
        PassageExporter.Fitted fitted = PassageExporter.fit(head, PassageExporter.text(body.toString()));
        assertThat(fitted.deflates()).isEqualTo(1);
        assertThat(fitted.data().length).isLessThanOrEqualTo(PassageExporter.STORED_BYTES)
                .isGreaterThanOrEqualTo((int) (PassageExporter.STORED_BYTES * PassageExporter.FULL));
        assertThat(inflate(fitted.data())).endsWith("…");
    }

    /** A text that deflates far better than news (the same sentence over and over) is kept whole when it fits. */
    @Test
    void aTextThatFitsWholeIsKeptWhole() throws Exception {
        byte[] head = "[\"x/\",\"X\",null,[],\"\"]\n".getBytes(StandardCharsets.UTF_8);
        String text = PassageExporter.text(KHEN.repeat(100));
        PassageExporter.Fitted fitted = PassageExporter.fit(head, text);
        assertThat(inflate(fitted.data())).isEqualTo(new String(head, StandardCharsets.UTF_8) + text);
        assertThat(fitted.deflates()).isLessThanOrEqualTo(2);
        // Nothing to cut: one deflate.
        assertThat(PassageExporter.fit(head, "").deflates()).isEqualTo(1);
        assertThat(inflate(PassageExporter.fit(head, "").data())).isEqualTo(new String(head, StandardCharsets.UTF_8));
    }

    @Test
    void exportIsByteIdenticalAcrossRunsAndInputOrdersAndAnEditRewritesOnlyItsPack() throws Exception {
        List<SearchDocument> docs = new ArrayList<>(RelatedArticlesTest.bigArchive());
        MemorySink a = new MemorySink();
        export(docs, "v", a, new ArrayList<>());
        java.util.Collections.reverse(docs);
        MemorySink b = new MemorySink();
        export(docs, "v", b, new ArrayList<>());
        assertThat(b.contents().keySet()).isEqualTo(a.contents().keySet());
        for (String path : a.contents().keySet()) {
            assertThat(b.contents().get(path)).as(path).isEqualTo(a.contents().get(path));
        }
        // Packs hold fixed ranges of numbers under stable names: an edit changes the bytes of its own.
        MemorySink c = new MemorySink();
        docs.set(0, SearchFixtures.doc("moi/", "Bài mới", "Nội dung mới", "2020-01-01"));
        export(docs, "v", c, new ArrayList<>());
        assertThat(c.contents().keySet()).isEqualTo(a.contents().keySet());
        assertThat(c.contents().get("search/p/0.bin")).isNotEqualTo(a.contents().get("search/p/0.bin"));
    }

    /**
     * The passages of {@code docs} as a build writes them: numbered by the Lucene index of the same
     * documents; {@code numbered} receives the documents in that order.
     */
    private static PassageExporter.Result export(List<SearchDocument> docs, String version, MemorySink sink,
            List<SearchDocument> numbered) throws Exception {
        Map<String, SearchDocument> byUrl = new java.util.HashMap<>();
        docs.forEach(doc -> byUrl.put(doc.url(), doc));
        try (var reader = SearchIndexer.inMemory(docs)) {
            DocNumbering numbering = DocNumbering.of(reader);
            for (int d = 0; d < numbering.size(); d++) {
                numbered.add(byUrl.get(numbering.url(d)));
            }
            return PassageExporter.export(reader, numbering, version, sink::write);
        }
    }

    /** Document d's record: between two offsets at the head of its pack. */
    private static byte[] range(Map<String, byte[]> files, int d) {
        byte[] pack = files.get("search/p/" + d / PassageExporter.PER_PACK + ".bin");
        int at = 4 * (d % PassageExporter.PER_PACK);
        int from = (pack[at] & 0xff) | (pack[at + 1] & 0xff) << 8 | (pack[at + 2] & 0xff) << 16 | (pack[at + 3] & 0xff) << 24;
        int to = (pack[at + 4] & 0xff) | (pack[at + 5] & 0xff) << 8 | (pack[at + 6] & 0xff) << 16
                | (pack[at + 7] & 0xff) << 24;
        return Arrays.copyOfRange(pack, from, to);
    }

    /** A body of distinct sentences, far longer than what is kept, with KHEN only at its end. */
    static String longBody() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            b.append("Câu thứ ").append(i * 7919 % 10007).append(" nói về công tác số ").append(i * 104729 % 9973)
                    .append(" của đơn vị ").append(Integer.toString(i * 31337, 36)).append(".\n");
        }
        return b.append(KHEN).toString();
    }

    static String inflate(byte[] raw) throws Exception {
        return new String(inflateBytes(raw), StandardCharsets.UTF_8);
    }

    static byte[] inflateBytes(byte[] raw) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && !inflater.finished() && inflater.needsInput()) {
                throw new AssertionError("truncated stream");
            }
            out.write(buffer, 0, n);
        }
        assertThat(inflater.getRemaining()).isZero();
        inflater.end();
        return out.toByteArray();
    }
}
