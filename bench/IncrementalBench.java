import io.gazette.content.ArticleSource;
import io.gazette.content.ContentLoader;
import io.gazette.content.FrontMatter;
import io.gazette.problems.Problems;
import io.gazette.site.SiteUrls;
import io.gazette.text.Slugs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Times {@code gazette serve} the way an editor meets it: save one article, then fetch its page
 * over HTTP on 127.0.0.1 until the page shows what was saved. Not part of Gazette.
 *
 * <pre>
 * mvn -B -q -DskipTests package      # once: target/gazette.jar and target/lib/
 * java -cp 'target/gazette.jar:target/lib/*' bench/IncrementalBench.java --site CORPUS_DIR [options]
 * </pre>
 *
 * The corpus is copied to a work folder (the original is never edited) and served by
 * {@code java -jar target/gazette.jar serve --port 0} in a child process. Phases:
 * <ol>
 * <li><b>latency</b>: {@code --warmup} untimed edits, then {@code --edits} timed ones. Each edit
 * rewrites one article (a seeded sample across the whole archive) with a unique marker paragraph;
 * the time is from just before the write until a GET of the article's URL returns the marker. The
 * server is then left to finish its search follow-up rebuild before the next edit, as when an
 * editor saves every few seconds.</li>
 * <li><b>memory</b>: live heap of the server (a full GC via {@code jcmd GC.class_histogram}) before
 * and after {@code --memory-edits} successive edits (each waits for its page, not for search), with
 * a reading every tenth of the way.</li>
 * <li><b>cadence</b>: an editor saving once a second ({@code --cadence-millis}) for
 * {@code --cadence-edits} saves, title and body edits in turn, each timed until its page shows
 * it; then how long after the last save search caught up.</li>
 * <li><b>load</b>: {@code --clients} concurrent clients, each with its own HTTP client and
 * connections, fetch the home page, articles, tag and month pages on 127.0.0.1 for
 * {@code --load-seconds} while edits keep being saved and rebuilt; every failed request (error,
 * timeout, non-200 or a truncated page) is counted.</li>
 * </ol>
 * With {@code --timings true} the server runs with {@code serve --timings} and the report adds the
 * stage times of the search follow-ups (which part of search dominates).
 */
public final class IncrementalBench {
    private static final Pattern SERVING = Pattern.compile("Serving (http://\\S+/) ");
    private static final Pattern REBUILT = Pattern.compile("^rebuilt (\\d+) pages? in (\\d+(?:\\.\\d+)?) (ms|s)(?: \\((.*)\\))?$");
    private static final String SEARCH_REBUILD = "[search index]";

    private final Options options;
    private final PrintStream out = System.out;
    private Process server;
    private String baseUrl;
    private final List<String> serverLog = new CopyOnWriteArrayList<>();
    /** Every "rebuilt" line of the server, in order. */
    private final List<Rebuild> rebuilds = new CopyOnWriteArrayList<>();
    private final AtomicLong failedRebuilds = new AtomicLong();
    /** Stage times of each search follow-up ({@code serve --timings}), stage → ms, in order. */
    private final List<Map<String, Long>> followUpStages = new CopyOnWriteArrayList<>();
    private static final String FOLLOW_UP_TIMINGS = "timings " + SEARCH_REBUILD + ": ";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private List<Target> targets;
    private long edits;

    record Rebuild(int pages, double millis, String what, long seenNanos) {
        boolean isSearch() {
            return SEARCH_REBUILD.equals(what);
        }
    }

    /** An article the bench edits: its file, original text and URL. */
    record Target(Path file, String original, String url) {
    }

    record Options(Path site, Path work, Path jar, Path home, List<String> jvm, int warmup, int edits,
            int memoryEdits, int loadSeconds, int clients, long seed, int sample, List<String> phases,
            int cadenceEdits, int cadenceMillis, boolean timings) {
    }

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        IncrementalBench bench = new IncrementalBench(options);
        try {
            bench.run();
        } finally {
            bench.stop();
        }
    }

    private IncrementalBench(Options options) {
        this.options = options;
    }

    private void run() throws Exception {
        prepareWorkCopy();
        long startNanos = System.nanoTime();
        startServer();
        awaitRebuilds(1, Duration.ofMinutes(10));
        out.printf(Locale.ROOT, "server up: first build wrote %d files in %.0f ms, %d ms from start%n",
                rebuilds.get(0).pages(), rebuilds.get(0).millis(),
                (System.nanoTime() - startNanos) / 1_000_000);
        serverLog.stream().filter(line -> line.startsWith("timings full: ")).findFirst().ifPresent(out::println);
        targets = chooseTargets();
        out.printf("editing %d articles spread over the archive%n", targets.size());
        Map<String, String> report = new LinkedHashMap<>();
        if (options.phases().contains("latency")) {
            latencyPhase(report);
        }
        if (options.phases().contains("cadence")) {
            cadencePhase(report);
        }
        if (options.phases().contains("memory")) {
            memoryPhase(report);
        }
        if (options.phases().contains("load")) {
            loadPhase(report);
        }
        out.println();
        out.println("| measure | value |");
        out.println("| --- | --- |");
        report.forEach((k, v) -> out.println("| " + k + " | " + v + " |"));
        if (!followUpStages.isEmpty()) {
            out.println();
            out.println("search follow-ups (" + followUpStages.size() + "), stage times from serve --timings:");
            new TreeSet<>(followUpStages.get(0).keySet()).forEach(stage -> out.println("  " + stage + ": "
                    + summary(followUpStages.stream().mapToDouble(m -> m.getOrDefault(stage, 0L)).toArray()) + " ms"));
        }
        out.println();
        out.println("failed rebuilds: " + failedRebuilds.get());
        out.println("server peak RSS (VmHWM): " + mib(peakRss()));
    }

    // ------------------------------------------------------------------ phases

    private void latencyPhase(Map<String, String> report) throws Exception {
        for (int i = 0; i < options.warmup(); i++) {
            editAndWait(true);
        }
        int from = rebuilds.size();
        long[] latencies = new long[options.edits()];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = editAndWait(true);
        }
        List<Rebuild> during = rebuilds.subList(from, rebuilds.size());
        double[] pageRebuilds = during.stream().filter(r -> !r.isSearch()).mapToDouble(Rebuild::millis).toArray();
        double[] searchRebuilds = during.stream().filter(Rebuild::isSearch).mapToDouble(Rebuild::millis).toArray();
        long[] pagesWritten = during.stream().filter(r -> !r.isSearch()).mapToLong(Rebuild::pages).toArray();
        out.printf(Locale.ROOT, "latency: %d edits after %d warm-up: save → page %s%n", latencies.length,
                options.warmup(), summary(latencies));
        report.put("save → page served (" + latencies.length + " edits, idle server)", summary(latencies));
        report.put("server-reported page rebuild", summary(pageRebuilds) + " ms");
        report.put("files rewritten per edit", summary(pagesWritten));
        report.put("search follow-up rebuild", summary(searchRebuilds) + " ms");
    }

    /**
     * An editor saving once a second ({@code --cadence-millis}): title edits and body edits in
     * turn, each timed from the write until its page shows it, without waiting for search; then
     * how long after the last save search caught up (the end of the first search follow-up that
     * started after it).
     */
    private void cadencePhase(Map<String, String> report) throws Exception {
        awaitIdle();
        int n = options.cadenceEdits();
        long period = TimeUnit.MILLISECONDS.toNanos(options.cadenceMillis());
        List<Long> titles = new ArrayList<>();
        List<Long> bodies = new ArrayList<>();
        int searchesBefore = searchRebuilds();
        long next = System.nanoTime();
        long lastSave = 0;
        long lastShown = 0;
        for (int i = 0; i < n; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            boolean title = i % 2 == 0;
            long before = System.nanoTime();
            long took = edit(title ? Edit.TITLE : Edit.BODY, false);
            (title ? titles : bodies).add(took);
            lastSave = before;
            lastShown = before + took;
            next = Math.max(next + period, System.nanoTime());
        }
        int searchesDuring = searchRebuilds() - searchesBefore;
        // A search follow-up reported after the last save's page was served started after that
        // page's rebuild (one rebuild at a time), so it covers the last save.
        long shown = lastShown;
        waitFor(() -> rebuilds.stream().anyMatch(r -> r.isSearch() && r.seenNanos() > shown), Duration.ofMinutes(2));
        long caughtUp = rebuilds.stream().filter(r -> r.isSearch() && r.seenNanos() > shown)
                .mapToLong(Rebuild::seenNanos).min().orElseThrow() - lastSave;
        long[] t = titles.stream().mapToLong(Long::longValue).toArray();
        long[] b = bodies.stream().mapToLong(Long::longValue).toArray();
        out.printf(Locale.ROOT, "cadence: %d saves every %d ms: title edits %s; body edits %s; %d search follow-ups meanwhile;"
                + " search caught up %.1f s after the last save%n", n, options.cadenceMillis(), summary(t), summary(b),
                searchesDuring, caughtUp / 1e9);
        report.put("one save every " + options.cadenceMillis() + " ms: save → page, title edits (" + t.length + ")", summary(t));
        report.put("one save every " + options.cadenceMillis() + " ms: save → page, body edits (" + b.length + ")", summary(b));
        report.put("search follow-ups while saving", Integer.toString(searchesDuring));
        report.put("search caught up after the last save", String.format(Locale.ROOT, "%.1f s", caughtUp / 1e9));
    }

    private void memoryPhase(Map<String, String> report) throws Exception {
        awaitIdle();
        long before = liveHeap();
        long rssBefore = rss();
        out.printf(Locale.ROOT, "memory: live heap %s, RSS %s before %d edits%n", mib(before), mib(rssBefore),
                options.memoryEdits());
        List<String> trend = new ArrayList<>();
        trend.add(mib(before));
        int step = Math.max(1, options.memoryEdits() / 10);
        long[] latencies = new long[options.memoryEdits()];
        long start = System.nanoTime();
        for (int i = 0; i < options.memoryEdits(); i++) {
            latencies[i] = editAndWait(false);
            if ((i + 1) % step == 0 && i + 1 < options.memoryEdits()) {
                awaitIdle();
                long heap = liveHeap();
                trend.add(mib(heap));
                out.printf(Locale.ROOT, "memory: after %d edits live heap %s (%d s)%n", i + 1, mib(heap),
                        (System.nanoTime() - start) / 1_000_000_000);
            }
        }
        awaitIdle();
        long after = liveHeap();
        long rssAfter = rss();
        trend.add(mib(after));
        out.printf(Locale.ROOT, "memory: live heap %s, RSS %s after %d edits%n", mib(after), mib(rssAfter),
                options.memoryEdits());
        report.put("live heap after full GC, before → after " + options.memoryEdits() + " edits",
                mib(before) + " → " + mib(after) + " (" + String.join(", ", trend) + ")");
        report.put("server RSS before → after", mib(rssBefore) + " → " + mib(rssAfter));
        report.put("save → page served (" + latencies.length + " back-to-back edits)", summary(latencies));
    }

    private void loadPhase(Map<String, String> report) throws Exception {
        awaitIdle();
        List<String> urls = loadUrls();
        int seconds = Math.min(options.loadSeconds(), 55);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong requests = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<String, Integer> errorKinds = new ConcurrentHashMap<>();
        List<long[]> perClient = new CopyOnWriteArrayList<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            int id = c;
            Thread client = new Thread(() -> {
                Random random = new Random(options.seed() * 1000 + id);
                long[] latencies = new long[1 << 16];
                int n = 0;
                try (AutoCloseableClient own = new AutoCloseableClient()) {
                    while (System.nanoTime() < deadline) {
                        String url = urls.get(random.nextInt(urls.size()));
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = own.client.send(HttpRequest.newBuilder(URI.create(baseUrl + url))
                                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                            String body = new String(response.body(), StandardCharsets.UTF_8);
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                                errorKinds.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                            } else if (!body.contains("</html>")) {
                                errors.incrementAndGet();
                                errorKinds.merge("truncated page", 1, Integer::sum);
                            }
                            bytes.addAndGet(response.body().length);
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            errorKinds.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                        }
                        requests.incrementAndGet();
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - t0;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                perClient.add(Arrays.copyOf(latencies, n));
            }, "client-" + c);
            clients.add(client);
        }
        int rebuildsBefore = rebuilds.size();
        long start = System.nanoTime();
        clients.forEach(Thread::start);
        List<Long> editLatencies = new ArrayList<>();
        while (System.nanoTime() < deadline - TimeUnit.SECONDS.toNanos(2)) {
            editLatencies.add(editAndWait(false));
        }
        for (Thread client : clients) {
            client.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).toArray();
        int rebuildsDuring = rebuilds.size() - rebuildsBefore;
        out.printf(Locale.ROOT, "load: %d clients, %d requests in %.1f s (%.0f/s, %s), %d errors %s, %d rebuilds%n",
                options.clients(), requests.get(), elapsed, requests.get() / elapsed, mib(bytes.get()), errors.get(),
                errorKinds, rebuildsDuring);
        report.put("load: clients × duration", options.clients() + " × " + String.format(Locale.ROOT, "%.1f s", elapsed));
        report.put("load: requests (errors)", requests.get() + " (" + errors.get() + (errorKinds.isEmpty() ? "" : " " + errorKinds) + ")");
        report.put("load: request latency", summary(all));
        report.put("load: rebuilds during the load (edits)", rebuildsDuring + " (" + editLatencies.size() + ")");
        report.put("load: save → page served under load", summary(editLatencies.stream().mapToLong(Long::longValue).toArray()));
    }

    /** An HTTP client of one load-test client; its own connection pool and selector thread. */
    private static final class AutoCloseableClient implements AutoCloseable {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        @Override
        public void close() {
            // HttpClient has no close() before Java 21; its threads end once it is unreachable.
        }
    }

    // ------------------------------------------------------------------ one edit

    /**
     * Saves the next target with a fresh marker and returns the nanoseconds until its page shows
     * it; with {@code idle}, then waits for the search follow-up too.
     */
    private long editAndWait(boolean idle) throws Exception {
        return edit(Edit.BODY, idle);
    }

    enum Edit { BODY, TITLE }

    /**
     * A body edit appends a marker paragraph; a title edit puts the marker at the start of the
     * title (and pins the slug, so that the article keeps its URL), which changes the lists the
     * article appears in as well as its page.
     */
    private long edit(Edit kind, boolean idle) throws Exception {
        Target target = targets.get((int) (edits % targets.size()));
        String marker = "bench-marker-" + options.seed() + "-" + edits;
        edits++;
        int searchBefore = searchRebuilds();
        String text = kind == Edit.BODY ? target.original() + "\n" + marker + "\n" : retitled(target, marker);
        long t0 = System.nanoTime();
        Files.writeString(target.file(), text, StandardCharsets.UTF_8);
        long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            String body = get(target.url());
            if (body != null && body.contains(marker)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the page " + target.url() + " never showed " + marker
                        + "; server said:\n" + String.join("\n", tail(serverLog, 20)));
            }
            Thread.sleep(1);
        }
        long took = System.nanoTime() - t0;
        if (idle) {
            waitFor(() -> searchRebuilds() > searchBefore && rebuilds.get(rebuilds.size() - 1).isSearch(),
                    Duration.ofMinutes(2));
        }
        return took;
    }

    private static String retitled(Target target, String marker) {
        String text = target.original();
        Matcher title = Pattern.compile("(?m)^title: \"").matcher(text);
        if (!title.find()) {
            throw new IllegalStateException("no quoted title in " + target.file());
        }
        String edited = text.substring(0, title.end()) + marker + " " + text.substring(title.end());
        if (!Pattern.compile("(?m)^slug:").matcher(text).find()) {
            String slug = target.url().replaceAll(".*/([^/]+)/$", "$1");
            edited = edited.replaceFirst("(?m)^title: ", "slug: " + slug + "\ntitle: ");
        }
        return edited;
    }

    /** Waits until the last rebuild was a search follow-up and nothing else has happened for a while. */
    private void awaitIdle() throws Exception {
        long quietSince = System.nanoTime();
        int seen = rebuilds.size();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            Thread.sleep(50);
            if (rebuilds.size() != seen) {
                seen = rebuilds.size();
                quietSince = System.nanoTime();
            }
            boolean lastIsSearch = !rebuilds.isEmpty() && (rebuilds.get(rebuilds.size() - 1).isSearch() || edits == 0);
            if (lastIsSearch && System.nanoTime() - quietSince > TimeUnit.MILLISECONDS.toNanos(500)) {
                return;
            }
        }
        throw new IllegalStateException("the server did not go idle");
    }

    private int searchRebuilds() {
        int n = 0;
        for (Rebuild r : rebuilds) {
            if (r.isSearch()) {
                n++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ setup

    private void prepareWorkCopy() throws IOException {
        Path work = options.work();
        if (Files.exists(work)) {
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path source = options.site();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                String relative = source.relativize(p).toString();
                if (relative.equals(".gazette") || relative.startsWith(".gazette/") || relative.startsWith("public")) {
                    continue;
                }
                Path to = work.resolve(relative);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    private void startServer() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.jvm());
        command.add("-Dgazette.home=" + options.home());
        command.addAll(List.of("-jar", options.jar().toString(), "serve", "-s", options.work().toString(), "--port", "0"));
        if (options.timings()) {
            command.add("--timings");
        }
        out.println("starting: " + String.join(" ", command));
        server = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(this::readServerOutput, "server-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (baseUrl == null) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not start:\n" + String.join("\n", serverLog));
            }
            Thread.sleep(20);
        }
    }

    private void readServerOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                long now = System.nanoTime();
                serverLog.add(line);
                if (serverLog.size() > 2000) {
                    serverLog.subList(0, 1000).clear();
                }
                Matcher serving = SERVING.matcher(line);
                if (serving.find()) {
                    baseUrl = serving.group(1);
                    continue;
                }
                if (line.startsWith(FOLLOW_UP_TIMINGS)) {
                    Map<String, Long> stages = new LinkedHashMap<>();
                    for (String part : line.substring(FOLLOW_UP_TIMINGS.length()).split(", ")) {
                        Matcher stage = Pattern.compile("(.+) (\\d+) ms").matcher(part);
                        if (stage.matches()) {
                            stages.put(stage.group(1), Long.parseLong(stage.group(2)));
                        }
                    }
                    followUpStages.add(stages);
                    continue;
                }
                Matcher rebuilt = REBUILT.matcher(line);
                if (rebuilt.matches()) {
                    double millis = Double.parseDouble(rebuilt.group(2)) * (rebuilt.group(3).equals("s") ? 1000 : 1);
                    rebuilds.add(new Rebuild(Integer.parseInt(rebuilt.group(1)), millis,
                            rebuilt.group(4) == null ? "" : rebuilt.group(4), now));
                } else if (line.startsWith("build failed")) {
                    failedRebuilds.incrementAndGet();
                    System.err.println("server: " + line);
                } else if (line.contains("Exception") || line.startsWith("error")) {
                    System.err.println("server: " + line);
                }
            }
        } catch (IOException e) {
            // the server went away
        }
    }

    private List<Target> chooseTargets() throws IOException {
        Path content = options.work().resolve("content");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(content)) {
            files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        Map<String, Object> config = readSiteYaml();
        ZoneId zone = ZoneId.of(String.valueOf(config.getOrDefault("timeZone", "Asia/Ho_Chi_Minh")));
        SiteUrls urls = new SiteUrls("", "/", String.valueOf(config.getOrDefault("permalink", "/:year/:month/:slug/")));
        ContentLoader loader = new ContentLoader(options.work(), content, zone);
        List<Path> shuffled = new ArrayList<>(files);
        Collections.shuffle(shuffled, new Random(options.seed()));
        List<Target> chosen = new ArrayList<>();
        for (Path file : shuffled) {
            if (chosen.size() == options.sample()) {
                break;
            }
            Optional<ArticleSource> source = loader.read(file, new Problems());
            if (source.isEmpty()) {
                continue;
            }
            FrontMatter fm = source.get().frontMatter();
            String slug = fm.slug().isEmpty() ? Slugs.forTitle(fm.title()) : fm.slug();
            String url = urls.article(fm.date(), slug);
            String body = get(url);
            if (body != null) {
                chosen.add(new Target(file, Files.readString(file, StandardCharsets.UTF_8), url));
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalStateException("no article of the site could be found on the server");
        }
        return chosen;
    }

    private Map<String, Object> readSiteYaml() throws IOException {
        Object yaml = new org.yaml.snakeyaml.Yaml().load(Files.readString(options.work().resolve("site.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> map = yaml instanceof Map<?, ?> ? (Map<String, Object>) yaml : Map.of();
        return map;
    }

    /** Pages the load clients fetch: home and the two pages after it, the edited articles, tag and month pages. */
    private List<String> loadUrls() throws Exception {
        List<String> urls = new ArrayList<>(List.of("", "tu-khoa/", "luu-tru/"));
        // The home page's next two pages, found by their rel="next" links: list pages are numbered
        // from the oldest article, so the page after the home page is the highest number, not trang/2/.
        Pattern next = Pattern.compile("<a rel=\"next\" href=\"/([^\"]*)\"");
        String after = "";
        for (int i = 0; i < 2; i++) {
            Matcher m = next.matcher(get(after));
            if (!m.find()) {
                break;
            }
            after = m.group(1);
            urls.add(after);
        }
        targets.forEach(t -> urls.add(t.url()));
        Pattern link = Pattern.compile("href=\"/((?:tu-khoa|luu-tru)/[^\"]+/)\"");
        TreeSet<String> lists = new TreeSet<>();
        for (String page : List.of("tu-khoa/", "luu-tru/")) {
            Matcher m = link.matcher(get(page));
            while (m.find()) {
                lists.add(m.group(1));
            }
        }
        List<String> listUrls = new ArrayList<>(lists);
        Collections.shuffle(listUrls, new Random(options.seed()));
        urls.addAll(listUrls.subList(0, Math.min(200, listUrls.size())));
        for (String url : urls) {
            if (get(url) == null) {
                throw new IllegalStateException("load page missing before the load started: /" + url);
            }
        }
        out.printf("load: %d distinct pages%n", urls.size());
        return urls;
    }

    // ------------------------------------------------------------------ measuring

    /** The page's text, or null when it is not (yet) there. */
    private String get(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Live objects on the server's heap: the class histogram forces a full GC first. */
    private long liveHeap() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(serverPid()), "GC.class_histogram").redirectErrorStream(true).start();
        String text = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        Matcher total = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)").matcher(text);
        if (!total.find()) {
            throw new IllegalStateException("unexpected jcmd output:\n" + text);
        }
        return Long.parseLong(total.group(2));
    }

    /**
     * The JVM that serves: the jar relaunches itself with its JVM options (a heap sized from
     * content/ for serve), so the process started here may only be waiting for its child.
     */
    private long serverPid() {
        return server.toHandle().children().findFirst().map(ProcessHandle::pid).orElse(server.pid());
    }

    private long peakRss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(serverPid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    private long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(serverPid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    private void awaitRebuilds(int count, Duration timeout) throws Exception {
        waitFor(() -> rebuilds.size() >= count, timeout);
    }

    private void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || !server.isAlive()) {
                throw new IllegalStateException("gave up waiting; server said:\n" + String.join("\n", tail(serverLog, 30)));
            }
            Thread.sleep(2);
        }
    }

    private static String summary(long[] nanosOrCounts) {
        if (nanosOrCounts.length == 0) {
            return "–";
        }
        long[] sorted = nanosOrCounts.clone();
        Arrays.sort(sorted);
        boolean nanos = sorted[sorted.length - 1] > 100_000;
        return nanos
                ? String.format(Locale.ROOT, "p50 %.0f ms, p95 %.0f ms, max %.0f ms", percentile(sorted, 50) / 1e6,
                        percentile(sorted, 95) / 1e6, sorted[sorted.length - 1] / 1e6)
                : String.format(Locale.ROOT, "p50 %.0f, p95 %.0f, max %d", percentile(sorted, 50),
                        percentile(sorted, 95), sorted[sorted.length - 1]);
    }

    private static String summary(double[] values) {
        if (values.length == 0) {
            return "–";
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.0f, p95 %.0f, max %.0f", percentileD(sorted, 50),
                percentileD(sorted, 95), sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile. */
    private static double percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double percentileD(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    private static List<String> tail(List<String> lines, int n) {
        List<String> copy = new ArrayList<>(lines);
        return copy.subList(Math.max(0, copy.size() - n), copy.size());
    }

    private void stop() throws InterruptedException {
        try {
            // Beside the work copy: what the server printed (its last 1,000–2,000 lines).
            Files.write(options.work().resolveSibling(options.work().getFileName() + ".server.log"), serverLog);
        } catch (IOException e) {
            System.err.println("could not keep the server log: " + e);
        }
        if (server != null && server.isAlive()) {
            server.destroy(); // SIGTERM: the shutdown hook closes the session and removes its cache files
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        if (targets != null) {
            for (Target target : targets) {
                try {
                    Files.writeString(target.file(), target.original(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    // best effort: the work copy is made afresh next run
                }
            }
        }
    }

    // ------------------------------------------------------------------ options

    private static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> jvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                usage("unexpected " + arg);
            }
            if (arg.equals("--jvm")) {
                jvm.add(args[++i]);
            } else {
                values.put(arg.substring(2), args[++i]);
            }
        }
        if (!values.containsKey("site")) {
            usage("--site is required");
        }
        Path site = Path.of(values.remove("site")).toAbsolutePath().normalize();
        Path work = Path.of(values.getOrDefault("work", "/tmp/gazette-incremental-bench")).toAbsolutePath().normalize();
        values.remove("work");
        Path home = Path.of(values.getOrDefault("home", ".")).toAbsolutePath().normalize();
        values.remove("home");
        Path jar = Path.of(values.getOrDefault("jar", home.resolve("target/gazette.jar").toString())).toAbsolutePath();
        values.remove("jar");
        Options options = new Options(site, work, jar, home, jvm,
                Integer.parseInt(take(values, "warmup", "10")),
                Integer.parseInt(take(values, "edits", "100")),
                Integer.parseInt(take(values, "memory-edits", "1000")),
                Integer.parseInt(take(values, "load-seconds", "30")),
                Integer.parseInt(take(values, "clients", "200")),
                Long.parseLong(take(values, "seed", "1")),
                Integer.parseInt(take(values, "sample", "50")),
                List.of(take(values, "phases", "latency,memory,load").split(",")),
                Integer.parseInt(take(values, "cadence-edits", "60")),
                Integer.parseInt(take(values, "cadence-millis", "1000")),
                Boolean.parseBoolean(take(values, "timings", "false")));
        if (!values.isEmpty()) {
            usage("unknown options " + values.keySet());
        }
        if (work.startsWith(site) || site.startsWith(work)) {
            usage("--work must be outside --site: the bench edits its own copy");
        }
        return options;
    }

    private static String take(Map<String, String> values, String key, String fallback) {
        String value = values.remove(key);
        return value == null ? fallback : value;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: IncrementalBench --site DIR [--work DIR] [--home REPO] [--jar JAR] [--jvm OPT]..."
                + " [--warmup 10] [--edits 100] [--memory-edits 1000] [--load-seconds 30] [--clients 200]"
                + " [--sample 50] [--seed 1] [--phases latency,cadence,memory,load]"
                + " [--cadence-edits 60] [--cadence-millis 1000] [--timings true]");
        System.exit(2);
    }
}
