package io.gazette.serve;

import io.gazette.search.SearchFilter;
import io.gazette.search.SearchService;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code /api/search?q=} in the preview, answered from the Lucene index the build keeps in the
 * cache. The index is opened on first use (the first build creates it) and refreshed per query,
 * which is cheap when nothing was committed since.
 */
final class LuceneSearchEndpoint implements SearchEndpoint {
    static final int LIMIT = 20;
    private final Path indexDir;
    private SearchService service;

    LuceneSearchEndpoint(Path indexDir) {
        this.indexDir = indexDir;
    }

    @Override
    public String searchJson(String query) throws IOException {
        SearchService current = service();
        if (current == null) {
            return "{\"query\":\"\",\"total\":0,\"hits\":[],\"pending\":true}";
        }
        return current.search(query, SearchFilter.NONE, 0, LIMIT).toJson(query);
    }

    private synchronized SearchService service() throws IOException {
        if (service == null) {
            if (!SearchService.exists(indexDir)) {
                return null;
            }
            service = SearchService.open(indexDir);
        }
        service.refresh();
        return service;
    }
}
