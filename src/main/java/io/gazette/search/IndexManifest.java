package io.gazette.search;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gazette.json.Json;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@code search/manifest.json}: what the client reads first.
 * <pre>
 * {"format":5,"version":V,"docs":N,"buckets":B,"shards":S,"chunk":C,"fields":[...],
 *  "years":[[year,firstDoc,count],...],"tags":[[name,count],...],"categories":[[name,count],...]}
 * </pre>
 * Years newest first, each one run of document numbers; the {@link #TOP_TAGS} most used tags and
 * every category, most used first, each named as its newest document writes it.
 */
final class IndexManifest {
    static final int FORMAT = 5;
    static final int TOP_TAGS = 60;

    private IndexManifest() {
    }

    private record Counted(String key, int count, int newest) {
    }

    static byte[] json(IndexReader reader, DocNumbering numbering, String version, int shards) throws IOException {
        StoredFields stored = reader.storedFields();
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.writer(text)) {
            json.writeStartObject();
            json.writeNumberField("format", FORMAT);
            json.writeStringField("version", version);
            json.writeNumberField("docs", numbering.size());
            json.writeNumberField("buckets", StaticIndexExporter.BUCKETS);
            json.writeNumberField("shards", shards);
            json.writeNumberField("chunk", DocChunks.CHUNK);
            json.writeArrayFieldStart("fields");
            for (String field : SearchFields.TEXT_FIELDS) {
                json.writeString(field);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("years");
            int i = numbering.size() - 1;
            while (i >= 0 && numbering.dateKey(i) != SearchFields.NO_DATE) {
                int year = LocalDate.ofEpochDay(numbering.dateKey(i)).getYear();
                int end = i;
                while (i >= 0 && numbering.dateKey(i) != SearchFields.NO_DATE
                        && LocalDate.ofEpochDay(numbering.dateKey(i)).getYear() == year) {
                    i--;
                }
                json.writeArray(new int[] {year, i + 1, end - i}, 0, 3);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("tags");
            for (Counted tag : counted(reader, numbering, SearchFields.TAG_KEY, TOP_TAGS)) {
                String name = "";
                for (String value : stored.document(numbering.luceneDoc(tag.newest()), Set.of("tags")).getValues("tags")) {
                    if (VietnameseTokens.tagKey(value).equals(tag.key())) {
                        name = Snippets.collapse(value);
                        break;
                    }
                }
                writeCounted(json, name, tag.count());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("categories");
            for (Counted category : counted(reader, numbering, SearchFields.CATEGORY_KEY, Integer.MAX_VALUE)) {
                String name = stored.document(numbering.luceneDoc(category.newest()), Set.of(SearchFields.CATEGORY))
                        .get(SearchFields.CATEGORY);
                writeCounted(json, Snippets.collapse(name == null ? "" : name), category.count());
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeCounted(JsonGenerator json, String name, int count) throws IOException {
        json.writeStartArray();
        json.writeString(name);
        json.writeNumber(count);
        json.writeEndArray();
    }

    /** The {@code limit} keys of {@code field} in the most live documents, most first, then by key. */
    private static List<Counted> counted(IndexReader reader, DocNumbering numbering, String field, int limit)
            throws IOException {
        List<Counted> all = new ArrayList<>();
        MergedTerms terms = new MergedTerms(reader, List.of(field), null, null);
        PostingsEnum postings = null;
        while (terms.next()) {
            postings = terms.postings(0, PostingsEnum.NONE);
            int count = 0;
            int newest = -1;
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                int number = numbering.number(doc);
                if (number >= 0) {
                    count++;
                    newest = Math.max(newest, number);
                }
            }
            if (count > 0) {
                all.add(new Counted(terms.term().utf8ToString(), count, newest));
            }
        }
        all.sort(Comparator.comparingInt(Counted::count).reversed().thenComparing(Counted::key));
        return all.subList(0, Math.min(limit, all.size()));
    }
}
