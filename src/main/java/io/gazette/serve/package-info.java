/**
 * The preview behind {@code gazette serve}.
 *
 * <p>How the parts fit:
 * <pre>
 *   ProjectWatcher ──ChangeSet──▶ PreviewController ──▶ Rebuilder (the pipeline)
 *                                   │  begin()              │ write/delete pages
 *                                   ▼                       ▼
 *                                PreviewSite.Transaction ──commit()──▶ new SiteSnapshot (atomic swap)
 *                                                                       │
 *   browser ◀── PreviewServer (Jetty) ◀── current snapshot ◀────────────┤
 *   tab     ◀── LiveReload (SSE: reload / problems / ok) ◀── Commit ────┘
 * </pre>
 *
 * <ul>
 *   <li>{@link io.gazette.serve.PreviewSite}: immutable snapshots (site path → content-addressed
 *       blob), changed only by a transaction whose commit swaps the whole site at once and reports
 *       which paths' bytes really changed. Blobs live on disk under {@code .gazette/preview/} and
 *       are swept one commit after the last snapshot that used them.</li>
 *   <li>{@link io.gazette.serve.PreviewServer}: serves only snapshot keys (no file system lookups by
 *       request path), pretty URLs, ETag/304, gzip, the site's 404 page, the injected live-reload
 *       script, and {@code /api/search} when given a {@link io.gazette.serve.SearchEndpoint}.</li>
 *   <li>{@link io.gazette.serve.ProjectWatcher}: debounced, recursive; one change set per burst.</li>
 *   <li>{@link io.gazette.serve.PreviewController}: the single-threaded rebuild loop.</li>
 *   <li>{@link io.gazette.serve.PreviewSession}: all of the above, started and stopped in order.</li>
 * </ul>
 *
 * <p>The pipeline plugs in by implementing {@link io.gazette.serve.Rebuilder} and handing it over
 * through a {@link io.gazette.serve.PreviewPipeline.Factory}. {@link io.gazette.serve.SiteRebuilder}
 * is that implementation and the preview's one door into the build (a build session kept between
 * saves); the {@code serve} command hands it over, tests hand over rebuilders of their own.
 *
 * <p>May use: build, config, hash, json, output, problems, search, text.
 */
package io.gazette.serve;
