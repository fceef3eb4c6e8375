package io.gazette.build;

import io.gazette.files.UnixAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the file system says of a file without reading it: size, modification and change times
 * (nanoseconds) and inode number, from one {@code stat}. The {@link ContentCache} takes a file as
 * unchanged when all four are those it recorded: the change time ({@code ctime}) is set by the
 * kernel on every write and cannot be set back by any tool ({@code touch}, {@code cp -p},
 * {@code rsync -t} and a restored cache set times, not it), so a fresh checkout, a restored or
 * copied tree, or an edit always misses, and the file is read and hashed.
 *
 * <p>Only where the file system has a {@code unix} view (Linux, macOS); elsewhere {@link #of}
 * gives null and every file is hashed.
 */
record FileStat(long size, long modifiedNanos, long changedNanos, long inode) {
    /** The attributes of the {@code unix} view it is made of where the JDK's own are not readable (see {@link #of(Map)}). */
    static final String ATTRIBUTES = "unix:size,lastModifiedTime,ctime,ino";

    /** The file's stat, or null when the system does not tell it. */
    static FileStat of(Path file) {
        try {
            if (UnixAttributes.AVAILABLE) {
                FileStat stat = of(Files.readAttributes(file, PosixFileAttributes.class));
                if (stat != null) {
                    return stat;
                }
            }
            return of(Files.readAttributes(file, ATTRIBUTES));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The stat in {@code attributes} (one {@code stat}'s, as the content walk reads them), or null
     * when they do not hold the change time and inode: only the JDK's own Unix attributes do,
     * where {@link UnixAttributes} may read them. Made from them, not from a {@code "unix:…"}
     * map, a file's stat is ~1.5 KB less garbage (every file of every build).
     */
    static FileStat of(BasicFileAttributes attributes) {
        if (!UnixAttributes.readable(attributes)) {
            return null;
        }
        return new FileStat(attributes.size(), nanos(attributes.lastModifiedTime()), UnixAttributes.changeNanos(attributes),
                UnixAttributes.inode(attributes));
    }

    /** The stat of {@link #ATTRIBUTES} as they were read (more may be there), or null when some are missing. */
    static FileStat of(Map<String, Object> a) {
        try {
            return new FileStat((Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")),
                    nanos((FileTime) a.get("ctime")), ((Number) a.get("ino")).longValue());
        } catch (ClassCastException | NullPointerException e) {
            return null;
        }
    }

    // Written out, as SourceHash's: a record's own equals goes through method handles, which C1
    // does not inline, and every unchanged file's stat is compared.
    @Override
    public boolean equals(Object other) {
        return other instanceof FileStat that && that.size == size && that.modifiedNanos == modifiedNanos
                && that.changedNanos == changedNanos && that.inode == inode;
    }

    @Override
    public int hashCode() {
        return ((Long.hashCode(size) * 31 + Long.hashCode(modifiedNanos)) * 31 + Long.hashCode(changedNanos)) * 31
                + Long.hashCode(inode);
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }
}
