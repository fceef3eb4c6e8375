package io.gazette.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixAttributesTest {
    @TempDir
    Path dir;

    /**
     * Where the JDK has a "unix" view (these tests run with its package opened, as the jar's
     * manifest opens it), the inode and change time read from its own attributes are the view's
     * {@code unix:ino} and {@code unix:ctime}, for a file and a folder, by path and by name in a
     * folder's descriptor, and the folder's change time moves when a name is added to it.
     */
    @Test
    void theInodeAndChangeTimeAreTheUnixViews() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"));
        assertThat(UnixAttributes.AVAILABLE).as("sun.nio.fs opened (the jar's Add-Opens, surefire's argLine)").isTrue();
        Path folder = Files.createDirectory(dir.resolve("thu-muc"));
        Path file = Files.writeString(folder.resolve("index.html"), "<p>tin</p>");
        for (Path path : new Path[] {folder, file}) {
            PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            assertThat(UnixAttributes.readable(attributes)).isTrue();
            assertThat(UnixAttributes.inode(attributes)).isEqualTo(unix(path, "ino"));
            assertThat(UnixAttributes.changeNanos(attributes))
                    .isEqualTo(((FileTime) Files.getAttribute(path, "unix:ctime", LinkOption.NOFOLLOW_LINKS)).to(TimeUnit.NANOSECONDS));
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            assumeTrue(stream instanceof SecureDirectoryStream);
            PosixFileAttributes attributes = ((SecureDirectoryStream<Path>) stream)
                    .getFileAttributeView(file.getFileName(), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
            assertThat(UnixAttributes.readable(attributes)).isTrue();
            assertThat(UnixAttributes.inode(attributes)).isEqualTo(unix(file, "ino"));
        }
        long before = UnixAttributes.changeNanos(Files.readAttributes(folder, PosixFileAttributes.class));
        Thread.sleep(20); // past the kernel clock's tick
        Files.writeString(folder.resolve("la.html"), "x");
        assertThat(UnixAttributes.changeNanos(Files.readAttributes(folder, PosixFileAttributes.class))).isGreaterThan(before);
    }

    private static long unix(Path path, String name) throws Exception {
        return ((Number) Files.getAttribute(path, "unix:" + name, LinkOption.NOFOLLOW_LINKS)).longValue();
    }
}
