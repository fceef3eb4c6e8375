package io.gazette.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** HTML pages saved from the old site, beyond the golden one. */
class HtmlVariantsTest {

    private static String page(String article) {
        return """
                <html><head><meta charset="utf-8"><title>Khối thi đua</title>
                <script>document.write('<p>Thứ hai, 01/01/2001</p>')</script></head><body>
                <table><tr><td class="date_header">Hôm nay, Thứ tư ngày 28/02/2024,</td></tr>
                <tr><td><div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin">Tin tức - Sự kiện</a></div>
                %s
                <div class="other"><h3>Bài viết khác</h3><ul><li><a href="/x">Tin cũ</a> (14/08/2014)</li></ul></div>
                </td><td><div>Thống kê truy cập</div><div>Trực tuyến : 6</div></td></tr></table>
                </body></html>
                """.formatted(article);
    }

    @Test
    void flexmarkSpaceBetweenBoldAndPunctuationIsRemoved() {
        HtmlBodyConverter converter = new HtmlBodyConverter();

        assertThat(converter.convert("<p><b>Hà Nội</b><span>, ngày 15/08/2014.</span></p>", true))
                .isEqualTo("**Hà Nội**, ngày 15/08/2014.");
        assertThat(HtmlBodyConverter.tidy("**a** , *b* . _c_ ; d , e")).isEqualTo("**a**, *b*. _c_; d , e");
    }

    @Test
    void lineBreaksSurviveEditorsThatStripTrailingSpaces() {
        assertThat(new HtmlBodyConverter().convert("<p>Dòng một<br>Dòng hai</p>", true)).isEqualTo("Dòng một\\\nDòng hai");
    }

    @Test
    void paragraphsThatLookLikeListsStayParagraphs() {
        assertThat(new HtmlBodyConverter().convert("<p>1. Mục một<br>- gạch đầu dòng</p>", true))
                .isEqualTo("1\\. Mục một\\\n\\- gạch đầu dòng");
    }

    @Test
    void simplePageImportsWithBreadcrumbCategoryAndWithoutScripts() {
        String html = page("""
                <h1 class="title">Tập huấn nghiệp vụ thi đua</h1>
                <span class="date">Thứ sáu, 25/07/2014</span>
                <div class="content"><p>Ngày 24/07/2014, Khối đã tổ chức tập huấn.</p><p>Nhiều đơn vị tham dự.</p></div>
                """);

        Conversion.Converted result = Fixtures.converted(html, "page.html");

        assertThat(result.markdown()).isEqualTo("""
                ---
                title: "Tập huấn nghiệp vụ thi đua"
                date: 2014-07-25
                category: Tin tức - Sự kiện
                tags:
                  - Tập huấn
                ---

                Ngày 24/07/2014, Khối đã tổ chức tập huấn.

                Nhiều đơn vị tham dự.
                """);
    }

    @Test
    void photoWithoutCaptionKeepsItsAltTextAndIsReported() {
        String html = page("""
                <div class="tieude">Trao cờ thi đua</div><div class="ngay">Chủ nhật, 17/08/2014</div>
                <div class="noidung"><p>Lễ trao cờ đã diễn ra.</p>
                <p><img src="/Uploads/co thi dua.jpg" alt="Cờ thi đua"></p><p>Các đơn vị nhận cờ.</p></div>
                """);

        Conversion.Converted result = Fixtures.converted(html, "page.htm");

        assertThat(result.article().body()).containsExactly("Lễ trao cờ đã diễn ra.",
                "![Cờ thi đua](</Uploads/co thi dua.jpg>)", "Các đơn vị nhận cờ.");
        assertThat(result.warnings()).containsExactly(
                "image /Uploads/co thi dua.jpg must be copied from the old site; the article refers to it");
    }

    @Test
    void photoFramedInALayoutTableGetsItsCaption() {
        String html = page("""
                <h1>Trao cờ thi đua</h1><div>Chủ nhật, 17/08/2014</div>
                <div class="noidung"><p>Lễ trao cờ đã diễn ra.</p>
                <table align="center"><tr><td><img src="/Uploads/co.jpg" alt="co.jpg"></td></tr>
                <tr><td><em>Thứ trưởng trao cờ cho các đơn vị</em></td></tr></table>
                <p>Các đơn vị nhận cờ.</p></div>
                """);

        assertThat(Fixtures.converted(html, "a.html").article().body()).containsExactly("Lễ trao cờ đã diễn ra.",
                "![Thứ trưởng trao cờ cho các đơn vị](/Uploads/co.jpg)", "Các đơn vị nhận cờ.");
    }

    @Test
    void doubleLineBreaksSeparateParagraphsAndHeadingsAreNeverCaptions() {
        String html = page("""
                <h1>Giao ban</h1><div>Thứ ba, 12/08/2014</div>
                <div class="noidung">Đoạn một của bài.<br><br>Đoạn hai,<br>dòng sau.<br /><br/>
                <h3>Phát biểu của Thứ trưởng</h3><p>Thứ trưởng nói về giao ban.</p></div>
                """);

        assertThat(Fixtures.converted(html, "a.html").article().body()).containsExactly("Đoạn một của bài.",
                "Đoạn hai,\\\ndòng sau.", "### Phát biểu của Thứ trưởng", "Thứ trưởng nói về giao ban.");
    }

    @Test
    void scriptAddressesAreNeverCarriedOver() {
        String html = page("""
                <h1>Tin</h1><div>Thứ sáu, 25/07/2014</div>
                <div><p>Xem <a href="javascript:alert(1)">tại đây</a> và <a href="/van-ban/1.doc">văn bản</a>.</p>
                <p><img src="data:image/png;base64,AAAA" alt="Toàn cảnh hội nghị"></p><p>Kết thúc.</p></div>
                """);

        Conversion.Converted result = Fixtures.converted(html, "a.html");

        assertThat(result.article().body()).containsExactly("Xem tại đây và [văn bản](/van-ban/1.doc).",
                "![Toàn cảnh hội nghị]()", "Kết thúc.");
        assertThat(result.warnings()).containsExactly(
                "line 7: image address 'data:image/png;base64,AAAA' is neither a web address nor a path; only its caption was kept");
    }

    @Test
    void bylineElementIsTheAuthor() {
        String html = page("""
                <h2>Giao ban Khối</h2><p class="date">Thứ ba, 12/08/2014</p>
                <div class="detail"><p>Khối họp giao ban quý III.</p><p>Các Bộ báo cáo kết quả.</p></div>
                <div class="tacgia">Tác giả: Minh Hằng</div>
                """);

        Map<String, Object> front = Fixtures.frontMatter(Fixtures.converted(html, "page.html").markdown());

        assertThat(front).containsEntry("author", "Minh Hằng");
    }

    @Test
    void categoryOptionWinsOverTheBreadcrumb() {
        String html = page("<h1>Tin</h1><div>Thứ sáu, 25/07/2014</div><div><p>Một đoạn văn.</p></div>");

        Conversion result = new PageConverter(new ImportSettings("Lưu trữ", null, TagRules.defaults()))
                .convert(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), "a.html");

        assertThat(((Conversion.Converted) result).article().category()).isEqualTo("Lưu trữ");
    }

    @Test
    void pageWithoutDateLineFailsClearly() {
        Conversion result = Fixtures.convert(page("<h1>Tin</h1><div><p>Một đoạn văn.</p></div>"), "a.html");

        assertThat(result).isEqualTo(new Conversion.Failed(0,
                "no element whose text is a date line such as 'Thứ hai, 18/08/2014' under a title"));
    }

    @Test
    void impossibleDateFailsWithItsLineNumber() {
        Conversion result = Fixtures.convert(page("<h1>Tin</h1>\n<div>Thứ sáu, 32/07/2014</div><div><p>Văn.</p></div>"), "a.html");

        assertThat(result).isEqualTo(new Conversion.Failed(6, "the date line 'Thứ sáu, 32/07/2014' names no real date or time"));
    }

    @Test
    void htmlIsRecognisedWithoutAnExtension() {
        String html = page("<h1>Tin ngắn</h1><div>Thứ sáu, 25/07/2014</div><div><p>Một đoạn văn.</p></div>");

        assertThat(Fixtures.converted(html, "ChiTietTin.aspx").article().title()).isEqualTo("Tin ngắn");
        assertThat(Fixtures.converted("<!DOCTYPE html>" + html, "page").article().title()).isEqualTo("Tin ngắn");
    }
}
