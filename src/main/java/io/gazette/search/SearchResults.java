package io.gazette.search;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gazette.json.Json;
import java.io.IOException;
import java.util.List;

/** One page of results and how many documents matched in all. */
public record SearchResults(int total, List<SearchHit> hits) {

    /**
     * The results as JSON for the preview's {@code /api/search}: plain-text titles and snippets
     * with highlight ranges (UTF-16 offsets), so a client inserts text, never HTML from the index.
     */
    public String toJson(String query) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("query", query);
            json.writeNumberField("total", total);
            json.writeArrayFieldStart("hits");
            for (SearchHit hit : hits) {
                json.writeStartObject();
                json.writeStringField("url", hit.url());
                json.writeStringField("title", hit.title());
                json.writeStringField("date", hit.date() == null ? "" : hit.date().toString());
                json.writeArrayFieldStart("tags");
                for (String tag : hit.tags()) {
                    json.writeString(tag);
                }
                json.writeEndArray();
                json.writeStringField("snippet", hit.snippet());
                ranges(json, "titleHighlights", hit.titleHighlights());
                ranges(json, "snippetHighlights", hit.snippetHighlights());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void ranges(JsonGenerator json, String name, List<Highlight> highlights) throws IOException {
        json.writeArrayFieldStart(name);
        for (Highlight h : highlights) {
            json.writeArray(new int[] {h.start(), h.end()}, 0, 2);
        }
        json.writeEndArray();
    }
}
