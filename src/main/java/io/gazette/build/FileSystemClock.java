package io.gazette.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The time on a file system's own clock, read as the change time ({@code ctime}) it gives a
 * probe file changed now: every change made to that file system afterwards carries a change
 * time at or after it, whatever the precision of its timestamps.
 *
 * <p>Why not the wall clock: the kernel stamps a change with its coarse clock (the time of the
 * last tick, up to 10 ms behind {@link Instant#now}), truncated to the file system's timestamp
 * granularity (a nanosecond on ext4 and tmpfs, a second or two on some others). A folder changed
 * just after the wall clock was read can show a change time before it; {@link OutputMirror}'s
 * marker therefore took 2 s off the wall clock, so that every folder a build wrote in its last
 * 2 s counted as changed, and the first two builds after a clean one read nearly every folder
 * again (BENCHMARKS.md, "mirror19b"). The probe's change time comes from the same clock,
 * truncated the same way, as the folders' change times: a folder changed after the probe has a
 * change time no earlier than the probe's; one changed in the same tick shows the same time
 * and counts as changed. No margin is needed, and none is guessed.
 *
 * <p>Where the probe's change time cannot be read, or does not lie between the wall clock read
 * before the probe less {@link #UNKNOWN_PRECISION_MARGIN} and the wall clock read after it (a
 * clock that does not follow this machine's, as a network file system's may not), the time is
 * the wall clock less that margin, as before.
 */
final class FileSystemClock {
    /** Taken off the wall clock where the file system's clock is not known: coarser than any common timestamp. */
    static final long UNKNOWN_PRECISION_MARGIN = 2_000_000_000L;

    private final Path probe;
    private final boolean probing;

    /** A clock read by changing {@code probe} (made where missing; its folder must exist). */
    FileSystemClock(Path probe) {
        this(probe, true);
    }

    /** @param probing false: the file system's clock taken as unknown (tests of the fallback) */
    FileSystemClock(Path probe, boolean probing) {
        this.probe = probe;
        this.probing = probing;
    }

    /**
     * A time (ns since the epoch) such that every change made to the probe's file system after
     * this call shows a change time at or after it.
     */
    long now() {
        long before = wallNanos();
        if (probing) {
            long stamp = stamp(before);
            long after = wallNanos();
            if (stamp != Long.MIN_VALUE && stamp >= before - UNKNOWN_PRECISION_MARGIN && stamp <= after) {
                return stamp;
            }
        }
        return before - UNKNOWN_PRECISION_MARGIN;
    }

    /** Changes the probe (its modification time set: its change time is the kernel's now) and reads its change time; MIN_VALUE where it cannot. */
    private long stamp(long wall) {
        try {
            FileTime time = FileTime.from(wall, TimeUnit.NANOSECONDS);
            try {
                Files.setLastModifiedTime(probe, time);
            } catch (NoSuchFileException e) {
                Files.createDirectories(probe.getParent());
                Files.write(probe, new byte[0]);
                Files.setLastModifiedTime(probe, time);
            }
            FileStat stat = FileStat.of(probe);
            return stat == null ? Long.MIN_VALUE : stat.changedNanos();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The wall clock, in nanoseconds since the epoch (one place for the build's timestamps of it). */
    static long wallNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
