package io.gazette.serve;

import java.net.URI;

/** The parts of the site pipeline the preview needs: a rebuilder and, optionally, search. */
public record PreviewPipeline(Rebuilder rebuilder, SearchEndpoint search) {

    public PreviewPipeline(Rebuilder rebuilder) {
        this(rebuilder, null);
    }

    /** Builds the pipeline once the server is listening, so that it knows the preview's URL. */
    @FunctionalInterface
    public interface Factory {
        PreviewPipeline create(PreviewOptions options, URI previewUrl) throws Exception;
    }
}
