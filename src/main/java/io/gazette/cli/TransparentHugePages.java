package io.gazette.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this machine's kernel gives 2 MB pages to the memory a process asks them for: Linux's
 * transparent huge pages in {@code madvise} mode, the default of Debian and Ubuntu (the selected
 * mode is the one in brackets, {@code always [madvise] never}). Then
 * {@code -XX:+UseTransparentHugePages} asks them for the heap and the compiled code.
 *
 * <p>Why a build wants them (eighteenth session, BENCHMARKS.md "huge pages"): in the virtual
 * machines CI runs on, a page fault and a TLB miss are dear, and a build touches its whole young
 * generation in 4 KB pages (75,000 faults for 300 MB at 10,000 articles). With 2 MB pages, on the
 * same machine in alternating runs: a cold build at 10,000 real articles 0.85× the wall (14.6 →
 * 12.5 s, 5 s less CPU), a build where nothing changed 0.80× (3.06 → 2.46 s), an article deleted
 * or put back ~0.85×, the same peak RSS. In {@code always} mode the heap has them without asking;
 * in {@code never} mode, or without the setting (another OS), there are none to ask for, and the
 * option would only be noise (or a warning where the kernel has no support).
 */
final class TransparentHugePages {
    /** Linux's setting. */
    static final Path SETTING = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    /** The option that asks them for the heap. */
    static final String OPTION = "-XX:+UseTransparentHugePages";

    private TransparentHugePages() {
    }

    /** Whether {@code setting} (as {@link #SETTING}) selects {@code madvise}; false when it cannot be read. */
    static boolean onRequest(Path setting) {
        try {
            return Files.readString(setting, StandardCharsets.US_ASCII).contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
