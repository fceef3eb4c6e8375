package io.gazette.render;

import java.util.Map;

/**
 * One HTML page to render: where it goes, with which template and model.
 *
 * @param path        output file, site-relative ({@code 2014/08/a/index.html})
 * @param fingerprint changes whenever anything the page shows changes; the preview server
 *                    re-renders only pages whose fingerprint moved
 */
public record Page(String path, String template, Map<String, Object> model, long fingerprint) {
}
