package io.gazette.search;

import java.util.List;

/** One page of results and how many documents matched in all. */
public record SearchResults(int total, List<SearchHit> hits) {

    /**
     * The results as JSON for the preview's {@code /api/search}: plain-text titles and snippets
     * with highlight ranges (UTF-16 offsets), so a client inserts text, never HTML from the index.
     */
    public String toJson(String query) {
        StringBuilder json = new StringBuilder(256 + hits.size() * 512);
        json.append("{\"query\":");
        Json.string(json, query);
        json.append(",\"total\":").append(total).append(",\"hits\":[");
        for (int i = 0; i < hits.size(); i++) {
            SearchHit hit = hits.get(i);
            json.append(i == 0 ? "" : ",").append("{\"url\":");
            Json.string(json, hit.url());
            json.append(",\"title\":");
            Json.string(json, hit.title());
            json.append(",\"date\":");
            Json.string(json, hit.date() == null ? "" : hit.date().toString());
            json.append(",\"tags\":[");
            for (int t = 0; t < hit.tags().size(); t++) {
                Json.string(json.append(t == 0 ? "" : ","), hit.tags().get(t));
            }
            json.append("],\"snippet\":");
            Json.string(json, hit.snippet());
            json.append(",\"titleHighlights\":");
            ranges(json, hit.titleHighlights());
            json.append(",\"snippetHighlights\":");
            ranges(json, hit.snippetHighlights());
            json.append('}');
        }
        return json.append("]}").toString();
    }

    private static void ranges(StringBuilder json, List<Highlight> highlights) {
        json.append('[');
        for (int i = 0; i < highlights.size(); i++) {
            json.append(i == 0 ? "" : ",").append('[').append(highlights.get(i).start()).append(',')
                    .append(highlights.get(i).end()).append(']');
        }
        json.append(']');
    }
}
