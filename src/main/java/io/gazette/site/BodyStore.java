package io.gazette.site;

import io.gazette.markdown.RenderedMarkdown;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a build keeps its articles' rendered bodies: one append-only file of UTF-8, each body
 * written once after Markdown and read back whenever its page is rendered or its text indexed.
 * The heap holds an offset and two lengths per article instead of its HTML and text (7–8 bytes
 * of heap per byte of Markdown before), so memory no longer grows with the archive; the operating
 * system's page cache keeps the file's recent part in memory, outside the process.
 *
 * <p>The file is a scratch file of one build session in {@code .gazette/}: it is unlinked as soon
 * as it is open (where the system allows; elsewhere deleted when the JVM exits), so a killed build
 * leaves nothing behind, and two builds of one project never share it. Reads and writes go
 * through a {@link RandomAccessFile} rather than a {@code FileChannel}: an interrupted thread
 * closes a channel for every thread, and the preview server interrupts work it no longer needs.
 * A body is written in one piece under the file's lock, so bodies are never interleaved.
 */
public final class BodyStore implements AutoCloseable {
    private final RandomAccessFile file;
    private long end;

    private BodyStore(RandomAccessFile file) {
        this.file = file;
    }

    /** A new, empty store in {@code dir} (made if missing). */
    public static BodyStore create(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path path = Files.createTempFile(dir, "bodies-", ".tmp");
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
        try {
            Files.delete(path);
        } catch (IOException e) {
            path.toFile().deleteOnExit(); // Windows: an open file cannot be deleted
        }
        return new BodyStore(file);
    }

    /** Writes a rendered body and returns the handle that reads it back. */
    public ArticleBody put(RenderedMarkdown rendered) {
        byte[] html = rendered.html().getBytes(StandardCharsets.UTF_8);
        byte[] text = rendered.plainText().getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[html.length + text.length];
        System.arraycopy(html, 0, both, 0, html.length);
        System.arraycopy(text, 0, both, html.length, text.length);
        long at;
        synchronized (file) {
            at = end;
            try {
                file.seek(at);
                file.write(both);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to the build's body store in .gazette/", e);
            }
            end += both.length;
        }
        String summaryText = ArticleBody.summaryText(rendered);
        return new Stored(this, at, html.length, text.length, rendered.wordCount(), summaryText,
                ArticleBody.summaryOf(summaryText));
    }

    /** Bytes written so far. */
    public long size() {
        synchronized (file) {
            return end;
        }
    }

    private String read(long at, int length) {
        return new String(bytes(at, length), StandardCharsets.UTF_8);
    }

    private byte[] bytes(long at, int length) {
        byte[] bytes = new byte[length];
        synchronized (file) {
            try {
                file.seek(at);
                file.readFully(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the build's body store in .gazette/", e);
            }
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    /**
     * A body in the store: where its HTML starts, and how long it and the text after it are; its
     * summary cut once (an article's summary is asked for wherever it is shown).
     */
    private record Stored(BodyStore store, long at, int htmlBytes, int textBytes, int wordCount, String summaryText,
            String summary) implements ArticleBody {
        @Override
        public String html() {
            return store.read(at, htmlBytes);
        }

        @Override
        public byte[] htmlUtf8() {
            return store.bytes(at, htmlBytes);
        }

        @Override
        public String plainText() {
            return store.read(at + htmlBytes, textBytes);
        }
    }
}
