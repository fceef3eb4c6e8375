package io.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentTextTest {
    static final String[] REPORT = {
        "Bao cao tong ket cong tac thi dua khen thuong nam 2014 cua Khoi thi dua cac Bo nganh kinh te.",
        "Cac don vi da hoan thanh xuat sac nhiem vu duoc giao, de nghi tang Bang khen cho tap the.",
        "Phu luc: danh sach don vi de nghi khen thuong va muc thuong tuong ung cho tung don vi."};

    @TempDir
    Path temp;

    @Test
    void takesTheTextOutOfAPdfAndCachesIt() throws Exception {
        Path pdf = PdfFixtures.withText(temp.resolve("bao-cao.pdf"), REPORT);
        MediaCache cache = new MediaCache(temp.resolve("cache"));
        DocumentText text = DocumentText.of(pdf, cache);
        assertThat(text.warning()).isNull();
        assertThat(text.text()).contains("tong ket cong tac thi dua khen thuong").contains("Phu luc");
        try (var cached = Files.walk(temp.resolve("cache"))) {
            assertThat(cached.filter(f -> f.toString().endsWith(".txt")).count()).isEqualTo(1);
        }
        assertThat(DocumentText.of(pdf, cache)).isEqualTo(text);
    }

    @Test
    void convertsTcvn3ToUnicode() throws Exception {
        Path pdf = PdfFixtures.withText(temp.resolve("qd.pdf"),
                "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
                "§éc lËp - Tù do - H¹nh phóc",
                "QuyÕt ®Þnh vÒ viÖc tÆng B»ng khen cña Bé tr­ëng cho c¸c tËp thÓ cã thµnh tÝch xuÊt s¾c");
        DocumentText text = DocumentText.extract(pdf);
        assertThat(text.warning()).isNull();
        assertThat(text.text()).contains("Cộng hoà xã hội chủ nghĩa Việt Nam").contains("Độc lập - Tự do - Hạnh phúc")
                .contains("thành tích xuất sắc");
    }

    @Test
    void convertsVniToUnicode() throws Exception {
        Path pdf = PdfFixtures.withText(temp.resolve("vni.pdf"),
                "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
                "Ñoäc laäp - Töï do - Haïnh phuùc",
                "Quyeát ñònh veà vieäc taëng Baèng khen cho caùc taäp theå coù thaønh tích xuaát saéc");
        assertThat(DocumentText.extract(pdf).text()).contains("Cộng hòa xã hội chủ nghĩa Việt Nam")
                .contains("Độc lập - Tự do - Hạnh phúc");
    }

    @Test
    void aScanGivesAWarningAndNothingToIndex() throws Exception {
        DocumentText text = DocumentText.extract(PdfFixtures.scan(temp.resolve("scan.pdf")));
        assertThat(text.text()).isEmpty();
        assertThat(text.warning()).contains("no usable text");
        Path broken = temp.resolve("broken.pdf");
        Files.writeString(broken, "%PDF-1.4 not really");
        assertThat(DocumentText.extract(broken).warning()).contains("cannot read");
    }
}
