package io.gazette.render;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One HTML page to render: where it goes, with which template and model.
 *
 * @param path        output file, site-relative ({@code 2014/08/a/index.html})
 * @param modelMaker  makes the template model; only pages that are rendered need one, so it is
 *                    made on demand
 * @param fingerprint changes whenever anything the page shows changes; the preview server
 *                    re-renders only pages whose fingerprint moved
 */
public record Page(String path, String template, Supplier<Map<String, Object>> modelMaker, long fingerprint) {
    /** The template model: {@code site}, {@code page} and the page's own data. */
    public Map<String, Object> model() {
        return modelMaker.get();
    }
}
