package io.gazette.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JVM options each command runs with, from {@code jvm.options} (the jar carries a copy as
 * {@code gazette/jvm.options}; ./gazette leaves the choice to the jar). One line per command, or
 * {@code default}: the command name, then its options. Commands that build a site also get a
 * maximum heap sized from the size of {@code content/} ({@link #heapFor}), unless one is given
 * (for {@code serve} as well).
 */
final class JvmOptions {
    static final String RESOURCE = "/gazette/jvm.options";

    private final Map<String, List<String>> byCommand;

    private JvmOptions(Map<String, List<String>> byCommand) {
        this.byCommand = byCommand;
    }

    static JvmOptions parse(String text) {
        Map<String, List<String>> byCommand = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> words = Arrays.asList(trimmed.split("\\s+"));
            byCommand.put(words.get(0), List.copyOf(words.subList(1, words.size())));
        }
        return new JvmOptions(byCommand);
    }

    /** The copy inside the jar; no options when it is missing (a development class path). */
    static JvmOptions bundled() {
        try (InputStream in = JvmOptions.class.getResourceAsStream(RESOURCE)) {
            return parse(in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return parse("");
        }
    }

    /** The options for {@code command}: its own line, else the {@code default} line. */
    List<String> forCommand(String command) {
        List<String> own = byCommand.get(command);
        return own != null ? own : byCommand.getOrDefault("default", List.of());
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
     * relaunched JVM receives it as the system property {@value #WHY}). When the heap was sized
     * from content/, {@code basis} is the part of the reason before the heap's and
     * {@code physicalMemory} the memory it was bounded by (null and 0 otherwise): what
     * {@link LaunchRecord} keeps for ./gazette.
     */
    record Choice(List<String> options, String why, String basis, long physicalMemory) {
        Choice(List<String> options, String why) {
            this(options, why, null, 0);
        }
    }

    /** The system property that tells a relaunched JVM why it has its options. */
    static final String WHY = "gazette.jvm.why";

    Choice choose(String[] args, String environmentOverride) {
        String command = args.length == 0 ? "" : args[0];
        List<String> options = forCommand(command, environmentOverride);
        boolean overridden = environmentOverride != null && !environmentOverride.isBlank();
        if (overridden) {
            return new Choice(options, "the options of GAZETTE_JAVA_OPTS");
        }
        boolean heapChosen = Stream.concat(options.stream(), ManagementFactory.getRuntimeMXBean().getInputArguments().stream())
                .anyMatch(option -> option.startsWith("-Xmx") || option.startsWith("-XX:MaxRAMPercentage"));
        String fromFile = options.isEmpty() ? "no options for " + command + " in jvm.options"
                : "jvm.options for " + command;
        if (heapChosen || !BUILDS_A_SITE.contains(command)) {
            return new Choice(options, fromFile + (heapChosen ? ", the heap given" : ""));
        }
        List<String> sized = new ArrayList<>(options);
        long content = contentBytes(sourceDir(args));
        long physical = physicalMemory();
        long cap = command.equals("serve") ? SERVE_CAP : BUILD_CAP;
        long heap = heapFor(content, physical, cap);
        sized.add("-Xmx" + heap / MB + "m");
        boolean wholeHeap = heap == BUILD_CAP && !command.equals("serve");
        if (wholeHeap) {
            sized.add("-Xms" + heap / MB + "m");
        }
        String limit = heap == 512 * MB + 8 * content ? "" : heap == cap ? ", at most " + cap / MB + " MB"
                + (wholeHeap ? ", all of it from the start" : "") : ", at most 3/4 of the " + physical / MB + " MB of memory";
        // basis and physicalMemory: what ./gazette needs to size the heap itself (LaunchRecord).
        return new Choice(sized, fromFile + "; heap " + heap / MB + " MB = 512 MB + 8 × " + (content + MB / 2) / MB
                + " MB of Markdown under content/" + limit, fromFile, physical);
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
     * frequent, whatever the site needs. At 100,000 real articles (352 MB of Markdown) the build
     * keeps at most 435 MB live after a full collection while it indexes and 602 MB while it
     * renders, so 1 GiB leaves the young generation room; its peak RSS is the heap plus ~120 MB
     * of the JVM's own, 1,140 MiB.
     *
     * <p>A build or check whose heap is the cap (64 MB of Markdown or more, about 17,000 real
     * articles) also starts with all of it ({@code -Xms}): its live data then nears the heap, and
     * the parallel collector, growing the old generation step by step, ran three full collections
     * on the way even in a build that changed nothing (at 100,000 articles 2.5 s of pauses in a
     * 10.3-11.3 s build; with {@code -Xms1024m} 8.9-9.2 s, 55 MB more RSS). Below the cap the heap
     * is larger than the build needs and growing it as needed is what keeps RSS down: at 10,000
     * articles {@code -Xms} gained nothing and cost 180 MiB of RSS.
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

    private static final long MB = 1024 * 1024;
    private static final long BUILD_CAP = 1024 * MB;
    private static final long SERVE_CAP = 1280 * MB;

    private static long heapFor(long contentBytes, long physicalMemory, long cap) {
        long heap = Math.min(cap, 512 * MB + 8 * contentBytes);
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
        Path content = projectDir.resolve("content");
        if (!Files.isDirectory(content)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(content)) {
            return files.filter(JvmOptions::isMarkdown).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0; // the build itself reports an unreadable folder
        }
    }

    /** A file the content loader reads as an article (the same test: a visible {@code .md} file). */
    private static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".md") && !name.startsWith(".") && Files.isRegularFile(file);
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }
}
