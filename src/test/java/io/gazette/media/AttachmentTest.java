package io.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachmentTest {
    @Test
    void sizeIsWrittenAsReadersReadItInTheSitesLanguage() {
        assertThat(new Attachment("a", "a.pdf", "PDF", 512, "vi").size()).isEqualTo("512 B");
        assertThat(new Attachment("a", "a.pdf", "PDF", 860_000, "vi").size()).isEqualTo("840 KB");
        assertThat(new Attachment("a", "a.pdf", "PDF", 1_258_291, "vi").size()).isEqualTo("1,2 MB");
        assertThat(new Attachment("a", "a.pdf", "PDF", 1_258_291, "en").size()).isEqualTo("1.2 MB");
        assertThat(new Attachment("a", "a.pdf", "PDF", 1_258_291, "").size()).as("Vietnamese by default").isEqualTo("1,2 MB");
        assertThat(new Attachment("a", "a.pdf", "PDF", 1, "vi").isPdf()).isTrue();
        assertThat(new Attachment("a", "a.docx", "DOCX", 1, "vi").isPdf()).isFalse();
    }
}
