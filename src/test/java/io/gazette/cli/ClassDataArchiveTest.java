package io.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive of a relaunched build: written by the first run to a temporary name,
 * published only when that run succeeded, used by the next runs, and never used when it is not
 * the file that was published (a truncated archive crashes Java 17 instead of being refused).
 */
class ClassDataArchiveTest {
    @TempDir
    Path temp;

    private static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmx790m");

    private Path jar() throws Exception {
        Path jar = temp.resolve("gazette.jar");
        if (!Files.exists(jar)) {
            Files.write(jar, new byte[] {1, 2, 3});
        }
        return jar;
    }

    private ClassDataArchive archive(String command, List<String> options, List<String> given) throws Exception {
        return ClassDataArchive.forRun(command, jar(), options, given, temp.resolve("cache")).orElseThrow();
    }

    /** What the JVM does with -XX:ArchiveClassesAtExit=FILE at its exit: writes FILE. */
    private static Path jvmWritesArchive(ClassDataArchive archive, byte[] content) throws Exception {
        String option = archive.options().get(0);
        assertThat(option).startsWith("-XX:ArchiveClassesAtExit=");
        Path file = Path.of(option.substring("-XX:ArchiveClassesAtExit=".length()));
        Files.write(file, content);
        return file;
    }

    private static Path used(ClassDataArchive archive) {
        assertThat(archive.used()).isTrue();
        String option = archive.options().get(0);
        assertThat(option).startsWith("-XX:SharedArchiveFile=");
        assertThat(archive.options()).contains("-Xshare:auto", "-Xlog:cds*=off", "-XX:ArchiveRelocationMode=0");
        return Path.of(option.substring("-XX:SharedArchiveFile=".length()));
    }

    @Test
    void theFirstSuccessfulRunWritesTheArchiveTheNextOnesUse() throws Exception {
        ClassDataArchive first = archive("build", OPTIONS, List.of());
        assertThat(first.used()).isFalse();
        assertThat(first.options()).contains("-Xlog:cds*=off");
        assertThat(first.describe()).contains("written at exit");
        Path written = jvmWritesArchive(first, new byte[50_000]);
        first.afterRun(0);
        assertThat(written).doesNotExist();

        Path archive = used(archive("build", OPTIONS, List.of()));
        assertThat(archive).hasBinaryContent(new byte[50_000]);
        // The heap's sizes follow the size of content/: they do not make another archive.
        assertThat(used(archive("build", List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmx1024m"),
                List.of("-Dgazette.home=/x")))).isEqualTo(archive);
        assertThat(used(archive("build", List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmx600m", "-Xms600m",
                "-Xmn200m"), List.of()))).isEqualTo(archive);
        // check has its own; so do other options.
        assertThat(archive("check", OPTIONS, List.of()).used()).isFalse();
        assertThat(archive("build", List.of("-XX:+UseSerialGC"), List.of()).used()).isFalse();
    }

    @Test
    void aFailedRunPublishesNothing() throws Exception {
        ClassDataArchive first = archive("build", OPTIONS, List.of());
        Path written = jvmWritesArchive(first, new byte[1000]);
        first.afterRun(1);
        assertThat(written).doesNotExist();
        assertThat(archive("build", OPTIONS, List.of()).used()).isFalse();
        // A run that wrote nothing (stopped before its exit) publishes nothing either.
        archive("build", OPTIONS, List.of()).afterRun(0);
        assertThat(archive("build", OPTIONS, List.of()).used()).isFalse();
    }

    @Test
    void aDamagedArchiveIsDeletedAndWrittenAgainNeverUsed() throws Exception {
        ClassDataArchive first = archive("build", OPTIONS, List.of());
        jvmWritesArchive(first, "archive bytes".repeat(1000).getBytes());
        first.afterRun(0);
        Path archive = used(archive("build", OPTIONS, List.of()));

        // Truncated (a full disk, a copy cut short): refused and deleted.
        byte[] whole = Files.readAllBytes(archive);
        archive.toFile().setWritable(true);
        Files.write(archive, java.util.Arrays.copyOf(whole, 5000));
        ClassDataArchive again = archive("build", OPTIONS, List.of());
        assertThat(again.used()).isFalse();
        assertThat(archive).doesNotExist();

        // Same size, other bytes: refused too.
        jvmWritesArchive(again, whole);
        again.afterRun(0);
        whole[100] ^= 1;
        archive.toFile().setWritable(true);
        Files.write(archive, whole);
        assertThat(archive("build", OPTIONS, List.of()).used()).isFalse();

        // No checksum beside it: refused.
        ClassDataArchive third = archive("build", OPTIONS, List.of());
        jvmWritesArchive(third, new byte[10]);
        third.afterRun(0);
        Files.delete(Path.of(archive + ".sum"));
        assertThat(archive("build", OPTIONS, List.of()).used()).isFalse();
    }

    @Test
    void anArchiveUnusedForAWeekIsDeleted() throws Exception {
        ClassDataArchive first = archive("build", OPTIONS, List.of());
        jvmWritesArchive(first, new byte[10]);
        first.afterRun(0);
        Path old = used(archive("build", OPTIONS, List.of()));

        Files.write(jar(), new byte[] {1, 2, 3, 4}); // a rebuilt jar, or another checkout's
        ClassDataArchive rebuilt = archive("build", OPTIONS, List.of());
        assertThat(rebuilt.used()).isFalse();
        jvmWritesArchive(rebuilt, new byte[20]);
        rebuilt.afterRun(0);
        Path fresh = used(archive("build", OPTIONS, List.of()));
        assertThat(fresh).isNotEqualTo(old).exists();
        assertThat(old).exists(); // used today: two checkouts must not delete each other's archives

        java.nio.file.attribute.FileTime weekAgo = java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 8 * 24 * 3600 * 1000L);
        Files.setLastModifiedTime(old, weekAgo);
        Files.setLastModifiedTime(Path.of(old + ".sum"), weekAgo);
        // Written a week ago but used today: kept.
        Files.setLastModifiedTime(fresh, weekAgo);
        Files.setLastModifiedTime(Path.of(fresh + ".sum"), weekAgo);
        assertThat(used(archive("build", OPTIONS, List.of()))).isEqualTo(fresh);
        Files.write(jar(), new byte[] {1, 2, 3, 4, 5});
        ClassDataArchive third = archive("build", OPTIONS, List.of());
        jvmWritesArchive(third, new byte[30]);
        third.afterRun(0);
        assertThat(old).doesNotExist();
        assertThat(Path.of(old + ".sum")).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void onlyBatchCommandsAndNeverAgainstTheUsersOwnSharingOptions() throws Exception {
        Path cache = temp.resolve("cache");
        assertThat(ClassDataArchive.forRun("serve", jar(), OPTIONS, List.of(), cache)).isEmpty();
        assertThat(ClassDataArchive.forRun("new", jar(), OPTIONS, List.of(), cache)).isEmpty();
        assertThat(ClassDataArchive.forRun("build", jar(), List.of("-Xshare:off"), List.of(), cache)).isEmpty();
        assertThat(ClassDataArchive.forRun("build", jar(), OPTIONS, List.of("-XX:SharedArchiveFile=/mine.jsa"), cache))
                .isEmpty();
        // A cache folder that cannot be made: no archive, the run goes on.
        Files.writeString(temp.resolve("file"), "");
        assertThat(ClassDataArchive.forRun("build", jar(), OPTIONS, List.of(), temp.resolve("file"))).isEmpty();
    }
}
