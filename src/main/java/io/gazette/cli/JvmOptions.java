package io.gazette.cli;

import io.gazette.build.SiteBuild;
import io.gazette.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JVM options each command runs with, from {@code jvm.options} (the jar carries a copy as
 * {@code gazette/jvm.options}; ./gazette leaves the choice to the jar). One line per command, or
 * {@code default}: the command name, then its options; a command name with {@code >=SIZE} (e.g.
 * {@code build>=256MB}) gives the options for sites with at least that much Markdown under
 * {@code content/}; a command name with {@code +cache} ({@code build+cache>=128MB}) gives the
 * options for projects that have a build cache, whose build will be incremental. Commands that
 * build a site also get a maximum heap sized from the size of {@code content/} ({@link #heapFor}),
 * unless one is given (for {@code serve} as well).
 */
final class JvmOptions {
    static final String RESOURCE = "/gazette/jvm.options";
    /**
     * What a command's name ends with on the lines for projects with a build cache: an
     * incremental build keeps most of what it allocates (the cache's state of every article, read
     * back), a clean one streams its pages through the heap; the collector that suits one does
     * not suit the other (jvm.options says how they differ).
     */
    static final String WITH_CACHE = "+cache";

    /** Each command's lines by the least Markdown they are for (0 for the plain command line). */
    private final Map<String, TreeMap<Long, List<String>>> byCommand;
    /** Whether the kernel gives huge pages on request ({@link TransparentHugePages}), for a build's heap. */
    private final boolean hugePagesOnRequest;

    private JvmOptions(Map<String, TreeMap<Long, List<String>>> byCommand, boolean hugePagesOnRequest) {
        this.byCommand = byCommand;
        this.hugePagesOnRequest = hugePagesOnRequest;
    }

    /** These options on a machine whose kernel does ({@code true}) or does not give huge pages on request. */
    JvmOptions withHugePagesOnRequest(boolean onRequest) {
        return new JvmOptions(byCommand, onRequest);
    }

    static JvmOptions parse(String text) {
        Map<String, TreeMap<Long, List<String>>> byCommand = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> words = Arrays.asList(trimmed.split("\\s+"));
            String name = words.get(0);
            int at = name.indexOf(">=");
            long from = at < 0 ? 0 : megabytes(name.substring(at + 2));
            byCommand.computeIfAbsent(at < 0 ? name : name.substring(0, at), key -> new TreeMap<>())
                    .put(from, List.copyOf(words.subList(1, words.size())));
        }
        return new JvmOptions(byCommand, false);
    }

    /** {@code 256MB} in bytes. */
    private static long megabytes(String size) {
        if (!size.endsWith("MB")) {
            throw new IllegalArgumentException("jvm.options: a size in MB, as 256MB, not " + size);
        }
        return Long.parseLong(size.substring(0, size.length() - 2)) * MB;
    }

    /**
     * The copy inside the jar (no options when it is missing: a development class path), on this
     * machine: with huge pages for a build's heap where the kernel gives them on request.
     */
    static JvmOptions bundled() {
        String text;
        try (InputStream in = JvmOptions.class.getResourceAsStream(RESOURCE)) {
            text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
        }
        return parse(text).withHugePagesOnRequest(TransparentHugePages.onRequest(TransparentHugePages.SETTING));
    }

    /** The options for {@code command}: its own line, else the {@code default} line. */
    List<String> forCommand(String command) {
        return forSite(command, 0);
    }

    /**
     * The options for {@code command} on a site of {@code contentBytes} of Markdown: its line for
     * the largest size not above it, else the {@code default} line.
     */
    List<String> forSite(String command, long contentBytes) {
        return forSite(command, contentBytes, false);
    }

    /** {@link #forSite(String, long)} for a project with ({@code true}) or without a build cache. */
    List<String> forSite(String command, long contentBytes, boolean buildCache) {
        return lines(command, buildCache).floorEntry(Math.max(0, contentBytes)).getValue();
    }

    /**
     * The lines for {@code command} in a project with or without a build cache: with one, the
     * command's {@value #WITH_CACHE} lines added to its own, each replacing a line of the same size.
     */
    private TreeMap<Long, List<String>> lines(String command, boolean buildCache) {
        TreeMap<Long, List<String>> cached = buildCache ? byCommand.get(command + WITH_CACHE) : null;
        if (cached == null) {
            return lines(command);
        }
        TreeMap<Long, List<String>> merged = new TreeMap<>(lines(command));
        merged.putAll(cached);
        return merged;
    }

    /**
     * Whether a build cache changes the options of {@code command} at {@code contentBytes}: a
     * {@value #WITH_CACHE} line applies from that size or less.
     */
    private boolean cacheMatters(String command, long contentBytes) {
        TreeMap<Long, List<String>> cached = byCommand.get(command + WITH_CACHE);
        return cached != null && cached.floorKey(Math.max(0, contentBytes)) != null;
    }

    /** The lines for {@code command}, those of {@code default} below its first; always one for 0 bytes. */
    private TreeMap<Long, List<String>> lines(String command) {
        TreeMap<Long, List<String>> own = byCommand.get(command);
        if (own == null || !own.containsKey(0L)) {
            TreeMap<Long, List<String>> merged = new TreeMap<>(byCommand.getOrDefault("default", new TreeMap<>()));
            if (own != null) {
                merged.putAll(own);
            }
            merged.putIfAbsent(0L, List.of());
            return merged;
        }
        return own;
    }

    /** {@code GAZETTE_JAVA_OPTS} when set and not blank, else {@link #forCommand}. */
    List<String> forCommand(String command, String environmentOverride) {
        if (environmentOverride != null && !environmentOverride.isBlank()) {
            return new ArrayList<>(Arrays.asList(environmentOverride.strip().split("\\s+")));
        }
        return forCommand(command);
    }

    /**
     * The options for a run of {@code args}: those of {@link #forCommand(String, String)}, plus
     * {@code -Xmx} for the commands that build a site, unless {@code GAZETTE_JAVA_OPTS} or this
     * JVM's own options (JDK_JAVA_OPTIONS, the command line) already choose a heap.
     */
    List<String> forRun(String[] args, String environmentOverride) {
        return choose(args, environmentOverride).options();
    }

    /**
     * The options of a run and, in one line, why: what {@code build --timings} prints (the
     * relaunched JVM receives it as the system property {@value #WHY}). When they were chosen
     * from the size of content/, {@code contentFrom} and {@code contentBelow} are the sizes of
     * content/ (bytes of Markdown) for which the same choice would be made, the upper end
     * exclusive: what {@link LaunchRecord} keeps for ./gazette, which then needs no rule of its
     * own. Both are -1 otherwise (GAZETTE_JAVA_OPTS, a heap given to this JVM, a small command).
     */
    record Choice(List<String> options, String why, long contentFrom, long contentBelow, BuildCacheState buildCache) {
        Choice(List<String> options, String why) {
            this(options, why, -1, -1, BuildCacheState.EITHER);
        }

        boolean bySize() {
            return contentFrom >= 0;
        }

        /** This choice with {@code option} added, and why. */
        Choice plus(String option, String reason) {
            List<String> more = new ArrayList<>(options);
            more.add(option);
            return new Choice(List.copyOf(more), why + "; " + reason, contentFrom, contentBelow, buildCache);
        }
    }

    /**
     * For which projects a {@link Choice} holds: those with a build cache, those without, or
     * either (no {@value #WITH_CACHE} line applies at the size of their content/).
     */
    enum BuildCacheState {
        EITHER, PRESENT, ABSENT;

        /** As the launch record writes it, and ./gazette reads it. */
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Whether the project in {@code projectDir} has a build cache ({@code .gazette/cache/build/},
     * what a build that reuses its last output starts from).
     */
    static boolean hasBuildCache(Path projectDir) {
        return Files.isDirectory(SiteBuild.buildCacheDir(projectDir.resolve(ConfigLoader.CACHE_DIR)));
    }

    /** The system property that tells a relaunched JVM why it has its options. */
    static final String WHY = "gazette.jvm.why";

    Choice choose(String[] args, String environmentOverride) {
        return choose(args, environmentOverride, ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /**
     * {@link #choose(String[], String)} for a JVM started with {@code given}: a heap among them is
     * the user's, kept. What a JVM ./gazette started from a record passes on when it relaunches
     * ({@link SelfLauncher#relaunchForContent}), without the record's heap.
     */
    Choice choose(String[] args, String environmentOverride, List<String> given) {
        String command = args.length == 0 ? "" : args[0];
        if (environmentOverride != null && !environmentOverride.isBlank()) {
            return new Choice(forCommand(command, environmentOverride), "the options of GAZETTE_JAVA_OPTS");
        }
        if (!BUILDS_A_SITE.contains(command)) {
            List<String> options = forCommand(command);
            return new Choice(options, fromFile(command, options, 0));
        }
        Choice sized = sizedForSite(command, args, given);
        // Not for serve: it does not start with its whole heap, and its peak RSS at 100,000
        // articles (1,857 MiB with 4 KB pages) leaves little room under its 2 GiB.
        if (hugePagesOnRequest && !command.equals("serve")) {
            return sized.plus(TransparentHugePages.OPTION, "huge pages for the heap (the kernel's THP is madvise)");
        }
        return sized;
    }

    /** The options of a command that builds a site, with its heap sized from the Markdown under content/. */
    private Choice sizedForSite(String command, String[] args, List<String> given) {
        Path project = sourceDir(args);
        long content = contentBytes(project);
        boolean cacheMatters = cacheMatters(command, content);
        boolean buildCache = cacheMatters && hasBuildCache(project);
        BuildCacheState state = !cacheMatters ? BuildCacheState.EITHER
                : buildCache ? BuildCacheState.PRESENT : BuildCacheState.ABSENT;
        TreeMap<Long, List<String>> lines = lines(command, buildCache);
        Map.Entry<Long, List<String>> line = lines.floorEntry(content);
        long from = line.getKey();
        // The same choice until the next line of either kind starts.
        long below = Long.MAX_VALUE;
        for (TreeMap<Long, List<String>> kind : List.of(lines, byCommand.getOrDefault(command + WITH_CACHE, new TreeMap<>()))) {
            Long next = kind.higherKey(content);
            below = next == null ? below : Math.min(below, next);
        }
        List<String> options = line.getValue();
        boolean cacheLine = buildCache && byCommand.get(command + WITH_CACHE).containsKey(from); // it replaced the command's
        String fromFile = fromFile(cacheLine ? command + WITH_CACHE : command, options, from);
        if (given.stream().anyMatch(JvmOptions::choosesHeap)) {
            return new Choice(options, fromFile + ", the heap given");
        }
        if (options.stream().anyMatch(JvmOptions::choosesHeap)) {
            return new Choice(options, fromFile + ", the heap given", from, below, state);
        }
        long physical = physicalMemory();
        long cap = command.equals("serve") ? SERVE_CAP : BUILD_CAP;
        long bound = physical > 0 ? Math.min(cap, physical / 4 * 3) : cap;
        long heap = heapFor(content, physical, cap);
        List<String> sized = new ArrayList<>(options);
        sized.add("-Xmx" + heap / MB + "m");
        boolean wholeHeap = !command.equals("serve");
        if (wholeHeap) {
            sized.add("-Xms" + heap / MB + "m");
            if (heap < BUILD_CAP) {
                sized.add("-Xmn" + youngFor(heap) / MB + "m");
            }
        }
        String why;
        if (heap < bound) {
            // 512 MB + 16 MB for each whole 2 MB of Markdown: the same heap for the next 2 MB.
            long step = content / CONTENT_STEP;
            from = Math.max(from, step * CONTENT_STEP);
            below = Math.min(below, (step + 1) * CONTENT_STEP);
            why = "heap " + heap / MB + " MB = 512 MB + 8 × " + step * CONTENT_STEP / MB + " MB of Markdown under content/";
        } else {
            long steps = Math.max(0, (bound - BASE_HEAP + HEAP_STEP - 1) / HEAP_STEP);
            from = Math.max(from, steps * CONTENT_STEP);
            why = "heap " + heap / MB + " MB: 512 MB + 8 × the Markdown under content/, at most "
                    + (bound == cap ? cap / MB + " MB" : "3/4 of the " + physical / MB + " MB of memory") + " (reached at "
                    + steps * CONTENT_STEP / MB + " MB)";
        }
        if (wholeHeap) {
            why += heap < BUILD_CAP ? ", all of it from the start, a third of it young" : ", all of it from the start";
        }
        return new Choice(sized, fromFile + "; " + why, from, below, state);
    }

    private static String fromFile(String command, List<String> options, long from) {
        return options.isEmpty() ? "no options for " + command + " in jvm.options"
                : "jvm.options for " + command + (from > 0 ? " with " + from / MB + " MB of Markdown or more" : "");
    }

    private static boolean choosesHeap(String option) {
        return option.startsWith("-Xmx") || option.startsWith("-XX:MaxRAMPercentage");
    }

    /**
     * {@code serve} too: its session keeps what a build keeps, for hours, and left to the JVM's
     * default (a quarter of the RAM) its heap grew to 3.4–5.4 GB of RSS at 10,000 real articles,
     * with young pauses of up to a second under load as the old garbage piled up.
     */
    private static final List<String> BUILDS_A_SITE = List.of("build", "check", "serve");

    /**
     * The heap a build of {@code contentBytes} of Markdown gets: 512 MB + 8 × the content, at
     * most 1 GiB (and three quarters of the memory). Left to itself the JVM lets the heap grow to
     * a quarter of the RAM (2.7 GB of RSS at 10,000 real articles on a 23 GB machine), and
     * first-touching that memory cost 9-13 s of system time. A build no longer holds its articles'
     * bodies (they wait on disk in a {@code BodyStore} until their page is rendered) and reads
     * each article's text once into the Lucene index, so what it keeps is metadata, about 4 KB an
     * article (160 MB live after a full collection at 10,000 real articles, most of it search
     * structures); the rest of the heap is room for the pages being rendered, so young
     * collections stay rare. A small site gets less than the cap because a smaller heap is
     * touched less: the parallel collector grows the heap up to its cap when collections are
     * frequent, whatever the site needs. From 128 MB of Markdown on, jvm.options gives the heap
     * itself ({@code build>=128MB}: 1,216 MB, C1 only): at 100,000 real articles (352 MB) the
     * build keeps up to 830 MB live while it renders, and 1 GiB cost 11 full collections.
     *
     * <p>A build or check starts with all of its heap ({@code -Xms}). At the cap (64 MB of Markdown
     * or more, about 17,000 real articles) its live data nears the heap, and the parallel
     * collector, growing the old generation step by step, ran three full collections on the way
     * even in a build that changed nothing (at 100,000 articles 2.5 s of pauses in a 10.3-11.3 s
     * build; with {@code -Xms1024m} 8.9-9.2 s, 55 MB more RSS). Below the cap the young generation
     * is also fixed at a third of the heap ({@link #youngFor}).
     */
    static long heapFor(long contentBytes, long physicalMemory) {
        return heapFor(contentBytes, physicalMemory, BUILD_CAP);
    }

    /**
     * The heap of {@code gazette serve}: a build's, but at most 1.25 GiB. The session keeps what a
     * build keeps plus the preview's map of every served file, for hours, and brings search up to
     * date again and again: at 100,000 real articles, with 1 GiB the old generation stayed 91–98 %
     * full after the first build (740 MB live after a full collection) and the session went
     * through three full collections; with 1.25 GiB the first build took 185-208 s instead of 231 s
     * and search caught up 52 s after the last save instead of 62 s, for a peak RSS of 1,857 MiB
     * (≤ 2 GiB). Up to 64 MB of Markdown (about 17,000 real articles) serve gets what a build gets.
     */
    static long serveHeapFor(long contentBytes, long physicalMemory) {
        return heapFor(contentBytes, physicalMemory, SERVE_CAP);
    }

    /**
     * The young generation of a build below the heap's cap: a third of the heap, fixed. Grown by
     * the collector from a small start, a cold build at 10,000 real articles (784 MB heap) ran 2
     * full collections ("Ergonomics", ~210 ms each) and ~760 ms of pauses; with the whole heap
     * from the start and a third of it young, none and ~510 ms, 0.93× the wall and CPU time in
     * alternating builds, for ~290 MiB more RSS (810 against 520 MiB, under the 1 GiB the issue
     * allows). The whole heap without a fixed young generation still ran 1-2 full collections;
     * {@code -Xmn384m} left too little old generation (1 full). The old generation keeps two
     * thirds: the live data of a build below the cap stays under ~350 MB (BENCHMARKS.md, "heap").
     */
    static long youngFor(long heap) {
        return heap / 3 / MB * MB;
    }

    private static final long MB = 1024 * 1024;
    private static final long BUILD_CAP = 1024 * MB;
    private static final long SERVE_CAP = 1280 * MB;
    private static final long BASE_HEAP = 512 * MB;
    /**
     * The heap grows by 16 MB for each whole 2 MB of Markdown (8 × the content, in steps), so
     * that ./gazette can start the next build with the recorded heap until content/ has grown or
     * shrunk past the step (LaunchRecord): adding or editing an article does not change it.
     */
    private static final long CONTENT_STEP = 2 * MB;
    private static final long HEAP_STEP = 8 * CONTENT_STEP;

    private static long heapFor(long contentBytes, long physicalMemory, long cap) {
        long heap = Math.min(cap, BASE_HEAP + Math.max(0, contentBytes) / CONTENT_STEP * HEAP_STEP);
        return physicalMemory > 0 ? Math.min(heap, physicalMemory / 4 * 3) : heap;
    }

    /** The project folder named by {@code -s DIR}, {@code --source DIR} or {@code --source=DIR}. */
    static Path sourceDir(String[] args) {
        Path source = Path.of(".");
        for (int i = 1; i < args.length; i++) {
            if ((args[i].equals("-s") || args[i].equals("--source")) && i + 1 < args.length) {
                source = Path.of(args[i + 1]);
            } else if (args[i].startsWith("--source=")) {
                source = Path.of(args[i].substring("--source=".length()));
            }
        }
        return source;
    }

    /**
     * The bytes of the Markdown files (front matter and text) under {@code content/}; 0 when there
     * is none or it cannot be read. Photos and documents beside the articles are left out: the
     * build streams them one at a time (a photo is decoded subsampled, a PDF's text is read from
     * the cache when needed), so 2 GB of camera photos need no more heap than their articles do.
     */
    static long contentBytes(Path projectDir) {
        return contentBytes(projectDir, Long.MAX_VALUE);
    }

    /**
     * {@link #contentBytes(Path)}, but the walk ends as soon as the sum reaches {@code enough}
     * (what {@link LaunchRecord} needs to know is only whether the content is past a size: at
     * 100,000 articles the heap's cap is reached a third of the way through). One {@code stat}
     * a file: the walk's own attributes.
     */
    static long contentBytes(Path projectDir, long enough) {
        Path content = projectDir.resolve("content");
        if (!Files.isDirectory(content)) {
            return 0;
        }
        long[] sum = {0};
        try {
            Files.walkFileTree(content, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".md") && !name.startsWith(".")) {
                        // A link counts by what it leads to, as the content loader reads it.
                        if (attributes.isRegularFile()) {
                            sum[0] += attributes.size();
                        } else if (attributes.isSymbolicLink() && Files.isRegularFile(file)) {
                            sum[0] += Files.size(file);
                        }
                    }
                    return sum[0] >= enough ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // the build itself reports an unreadable file
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return 0; // the build itself reports an unreadable folder
        }
        return sum[0];
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }
}
