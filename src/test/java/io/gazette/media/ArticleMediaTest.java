package io.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleMediaTest {
    @TempDir
    Path temp;

    @Test
    void theTextOfAttachedPdfsStaysInTheCacheUntilSearchAsksForIt() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("site/content/2014/tong-ket"));
        PdfFixtures.withText(dir.resolve("bao-cao.pdf"), DocumentTextTest.REPORT);
        PdfFixtures.withText(dir.resolve("phu-luc.pdf"), "Phu luc so 2: danh sach cac tap the duoc de nghi tang",
                "Bang khen cua Thu tuong Chinh phu nam 2014, kem theo bao cao thanh tich.");
        Path article = dir.resolve("index.md");
        MediaResolver resolver = new MediaResolver(temp.resolve("site/content"), article,
                temp.resolve("site").relativize(article), new MediaCache(temp.resolve("site/.gazette")), "vi");
        ArticleMedia media = resolver.result();

        assertThat(media.attachments()).hasSize(2);
        assertThat(media.documents()).hasSize(2).allSatisfy(d -> assertThat(d.cached()).isRegularFile());
        assertThat(media.documentText()).contains("tong ket cong tac thi dua").contains("\n\nPhu luc so 2");

        // Read when asked, not held: what the cache holds now is what search gets.
        Path first = media.documents().get(0).cached();
        Files.writeString(first, "ok\nvan ban trong bo nho dem");
        assertThat(media.documentText()).startsWith("van ban trong bo nho dem\n\nPhu luc so 2");

        // The cache cleared under a running preview: the PDF is read again.
        Files.delete(first);
        assertThat(media.documentText()).contains("tong ket cong tac thi dua").contains("Phu luc so 2");
    }
}
