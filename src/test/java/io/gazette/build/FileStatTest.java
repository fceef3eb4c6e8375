package io.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gazette.files.UnixAttributes;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file's stat made from the JDK's own attributes (as the content walk reads them) is the one the
 * public {@code "unix:"} view gives, and moves when the file is written; attributes that do not
 * hold the change time give none, so the file is stated again when it is read.
 */
class FileStatTest {
    @TempDir
    Path dir;

    @Test
    void theStatFromTheJdksOwnAttributesIsTheUnixViewsAndAWriteChangesIt() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"));
        assertThat(UnixAttributes.AVAILABLE).as("sun.nio.fs opened (surefire's argLine, the jar's Add-Opens)").isTrue();
        Path file = Files.writeString(dir.resolve("bai.md"), "---\ntitle: Tin\n---\nMột hai ba.\n");
        FileStat fromMap = FileStat.of(Files.readAttributes(file, FileStat.ATTRIBUTES, LinkOption.NOFOLLOW_LINKS));
        FileStat own = FileStat.of(Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        assertThat(fromMap).isNotNull();
        assertThat(own).isEqualTo(fromMap);
        assertThat(own.size()).isEqualTo(Files.size(file));
        assertThat(FileStat.of(file)).isEqualTo(fromMap);

        Thread.sleep(20); // past the kernel clock's tick
        Files.writeString(file, "---\ntitle: Tin\n---\nMột hai ba bốn.\n");
        FileStat after = FileStat.of(Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        assertThat(after).isNotEqualTo(own).isEqualTo(FileStat.of(Files.readAttributes(file, FileStat.ATTRIBUTES)));
        assertThat(after.changedNanos()).isGreaterThan(own.changedNanos());
    }

    @Test
    void attributesWithoutTheChangeTimeGiveNoStat() throws Exception {
        Path file = Files.writeString(dir.resolve("bai.md"), "x");
        // The basic view's object on Linux wraps the JDK's: it hands out neither inode nor change time.
        BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
        assumeTrue(!UnixAttributes.readable(basic));
        assertThat(FileStat.of(basic)).isNull();
    }
}
