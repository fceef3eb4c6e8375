package io.gazette.serve;

/**
 * Answers {@code GET /api/search?q=…} in the preview. Called from several server threads at once.
 */
@FunctionalInterface
public interface SearchEndpoint {
    String PATH = "/api/search";

    /** A JSON document for the (possibly empty) query. */
    String searchJson(String query) throws Exception;
}
