package io.gazette.media;

import io.gazette.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What was learnt from reading source files, by path, size, modification time and file identity
 * ({@code .gazette/cache/media/sources}): each photo's and PDF's cache key (the SHA-256 of its
 * bytes) and each photo's header (format, size, orientation). A rebuild then finds an unchanged
 * photo's copies with one {@code stat} instead of reading its megabytes (1,000 camera photos,
 * 1.9 GB, took 10 s to hash on every build) or parsing its header again. An entry is used only
 * when all of these still match; otherwise the file is read again, as make and Git do. A file
 * modified in the last {@link #SETTLE_MILLIS} is read but not recorded: on a file system with
 * coarse times a second write within the same tick would keep the time, and the size may not
 * change either.
 *
 * <p>The file is a journal, one line an entry, appended as values are computed (a build stopped
 * half way keeps what it learned), and rewritten without its stale lines when it has many. A
 * damaged file is ignored with one line on the console and started again: it only ever costs
 * reading the sources once more. Thread-safe.
 */
final class SourceIndex {
    static final String HEADER = "gazette-media-sources 1";
    /** A file this recent may still change without its time changing (coarse clocks): not recorded. */
    static final long SETTLE_MILLIS = 2_000;

    private final Path file;
    private final Consumer<String> console;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    private boolean writable = true;

    /** What the file system said about a file when a value was taken from it. */
    record Stamp(long size, long modifiedNanos, String identity) {
        static Stamp of(BasicFileAttributes attributes) {
            Object key = attributes.fileKey();
            return new Stamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    key == null ? "-" : key.toString());
        }
    }

    private record Entry(Stamp stamp, String value) {
    }

    SourceIndex(Path file, Consumer<String> console) {
        this.file = file;
        this.console = console;
    }

    /**
     * The value recorded for {@code source} under {@code what} (the settings of a cache key, or
     * what was read) when the file is as stamped; else null.
     */
    String lookup(Path source, String what, Stamp stamp) {
        load();
        Entry entry = entries.get(id(source, what));
        return entry != null && entry.stamp().equals(stamp) ? entry.value() : null;
    }

    /** Records the value taken from {@code source}, which was as stamped before and after reading it. */
    void record(Path source, String what, Stamp stamp, String value) {
        String id = id(source, what);
        if (!fits(what) || !fits(id.substring(what.length() + 1)) || !fits(stamp.identity()) || !fits(value) || value.isEmpty()
                || stamp.modifiedNanos() / 1_000_000 > System.currentTimeMillis() - SETTLE_MILLIS) {
            return; // a name the journal cannot hold, or a file that may still be changing: hashed each time
        }
        load();
        Entry entry = new Entry(stamp, value);
        if (entry.equals(entries.put(id, entry))) {
            return;
        }
        append(line(id, entry));
    }

    /** Whether a field can go into a line of the journal as it is. */
    private static boolean fits(String field) {
        return field.indexOf('\t') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0;
    }

    private static String id(Path source, String what) {
        return what + '\t' + source.toAbsolutePath().normalize();
    }

    private static String line(String id, Entry entry) {
        return entry.value() + '\t' + entry.stamp().size() + '\t' + entry.stamp().modifiedNanos() + '\t'
                + entry.stamp().identity() + '\t' + id + '\n';
    }

    /** Reads the file once; lookups after that take no lock (builds look photos up from many threads). */
    private void load() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (!loaded) {
                read();
                loaded = true;
            }
        }
    }

    private void read() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            damaged(0, "cannot be read (" + e.getMessage() + ")");
            return;
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            damaged(1, "does not start with " + HEADER);
            return;
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split("\t", -1);
            Entry entry = parse(fields);
            if (entry == null) {
                damaged(i + 1, "is not an entry");
                return;
            }
            entries.put(fields[4] + '\t' + fields[5], entry);
        }
        if (lines.size() > 2 * entries.size() + 64) {
            rewrite(); // mostly stale lines: photos edited many times in a long preview session
        }
    }

    private static Entry parse(String[] fields) {
        if (fields.length != 6 || fields[0].isEmpty() || fields[4].isEmpty() || fields[5].isEmpty()) {
            return null;
        }
        try {
            return new Entry(new Stamp(Long.parseLong(fields[1]), Long.parseLong(fields[2]), fields[3]), fields[0]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Ignores the whole file (one damaged line says nothing good about the others) and starts it again. */
    private void damaged(int line, String why) {
        entries.clear();
        console.accept(file + ":" + line + ": warning: the index of photos and documents " + why
                + "; it is ignored and written again (photos and PDFs are read once more)");
        rewrite();
    }

    private synchronized void rewrite() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        entries.forEach((id, entry) -> text.append(line(id, entry)));
        try {
            AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            writable = false; // a read-only cache: sources are read on each build, as before the index
        }
    }

    /** One write per line, appended: two processes on one project (a build beside a preview) interleave whole lines. */
    private synchronized void append(String line) {
        if (!writable) {
            return;
        }
        try {
            if (!Files.isRegularFile(file)) {
                rewrite();
                return; // the rewrite wrote every entry, this one included
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            writable = false;
        }
    }
}
