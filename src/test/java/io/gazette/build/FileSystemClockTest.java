package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemClockTest {
    @TempDir
    Path temp;

    /**
     * A file changed after the clock was read, at once (the same tick of the kernel's coarse
     * clock), never shows a change time before it; one changed a tick before does. The wall
     * clock fails the first (a change shows the tick's start), the wall clock less the margin
     * the second.
     */
    @Test
    void changesAfterTheTimeAreNeverBeforeItAndChangesATickBeforeAre() throws Exception {
        assumeUnixChangeTimes();
        FileSystemClock clock = new FileSystemClock(temp.resolve("cache/site.clock"));
        Path folder = Files.createDirectories(temp.resolve("folder"));
        for (int i = 0; i < 200; i++) {
            long now = clock.now();
            Files.writeString(folder.resolve("f" + i), "x");
            assertThat(changeNanos(folder)).as("change %d", i).isGreaterThanOrEqualTo(now);
        }
        Thread.sleep(50);
        long now = clock.now();
        assertThat(changeNanos(folder)).isLessThan(now);
        assertThat(now).isBetween(FileSystemClock.wallNanos() - FileSystemClock.UNKNOWN_PRECISION_MARGIN,
                FileSystemClock.wallNanos());
    }

    /** Where the file system's clock is not read, the time is the wall clock less the safe margin. */
    @Test
    void anUnknownClockIsTheWallClockLessTheMargin() {
        FileSystemClock clock = new FileSystemClock(temp.resolve("site.clock"), false);
        long before = FileSystemClock.wallNanos();
        long now = clock.now();
        long after = FileSystemClock.wallNanos();
        assertThat(now).isBetween(before - FileSystemClock.UNKNOWN_PRECISION_MARGIN,
                after - FileSystemClock.UNKNOWN_PRECISION_MARGIN);
        assertThat(Files.exists(temp.resolve("site.clock"))).isFalse();
    }

    private static void assumeUnixChangeTimes() {
        try {
            Files.getAttribute(Path.of("."), "unix:ctime", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            assumeTrue(false, "no change times here");
        }
    }

    private static long changeNanos(Path path) throws IOException {
        return ((FileTime) Files.getAttribute(path, "unix:ctime", LinkOption.NOFOLLOW_LINKS)).to(TimeUnit.NANOSECONDS);
    }
}
