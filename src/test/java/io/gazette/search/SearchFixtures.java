package io.gazette.search;

import java.time.LocalDate;
import java.util.List;

/** A small archive with the cases ranking must tell apart. */
final class SearchFixtures {
    private SearchFixtures() {
    }

    static SearchDocument doc(String url, String title, String body, String date, String... tags) {
        return new SearchDocument(url, title, "", body, List.of(tags), "Tin tức", "Quỳnh Anh", LocalDate.parse(date));
    }

    static List<SearchDocument> archive() {
        return List.of(
                new SearchDocument("2014/08/hoi-nghi-so-ket/",
                        "Hội nghị Sơ kết công tác 06 tháng đầu năm 2014",
                        "Khối thi đua các Bộ, ngành kinh tế tổ chức Hội nghị Sơ kết.",
                        "Ngày 15/08/2014, tại Bộ Xây dựng, Khối thi đua các Bộ, ngành kinh tế đã tổ chức Hội nghị. "
                                + "Công tác thi đua, khen thưởng đã từng bước đổi mới cả về nội dung và hình thức.",
                        List.of("Hội nghị", "Sơ kết", "Thi đua khen thưởng"), "Hoạt động của Khối", "Quỳnh Anh",
                        LocalDate.of(2014, 8, 18)),
                new SearchDocument("2015/01/tong-ket-nam-2014/",
                        "Tổng kết công tác thi đua khen thưởng năm 2014",
                        "",
                        "Hội nghị tổng kết đánh giá phong trào thi đua khen thưởng của các Bộ, ngành trong năm 2014.",
                        List.of("Tổng kết", "Thi đua khen thưởng"), "Hoạt động của Khối", "Minh Tâm",
                        LocalDate.of(2015, 1, 10)),
                doc("2016/03/giai-dua-xe-dap/", "Giải đua xe đạp truyền thống",
                        "Các vận động viên tham gia giải đua xe đạp vòng quanh thành phố.", "2016-03-05", "Thể thao"),
                doc("2016/04/vuon-dua/", "Vườn dừa Bến Tre vào mùa",
                        "Người dân Bến Tre thu hoạch dừa, bán dưa hấu và đưa hàng ra chợ.", "2016-04-02", "Nông nghiệp"),
                doc("2017/05/dua-thuyen/", "Lễ hội đua thuyền trên sông Hàn",
                        "Đội đua thuyền của phường giành giải nhất lễ hội.", "2017-05-20", "Lễ hội", "Thể thao"),
                doc("2018/06/khen-thuong-rai-rac/", "Báo cáo năm",
                        "Về thi cử: kỳ thi tốt nghiệp. Về đua xe: giải đua xe máy. Về khen thưởng: nhiều cá nhân.",
                        "2018-06-01", "Báo cáo"),
                doc("2019/07/ca-nhan-dien-hinh/", "Gương cá nhân điển hình tiên tiến",
                        "Nhiều cá nhân điển hình được khen thưởng trong phong trào thi đua yêu nước.",
                        "2019-07-07", "Điển hình tiên tiến", "Thi đua khen thưởng"),
                doc("2020/02/an-toan/", "Hướng dẫn an toàn <script>alert(1)</script>",
                        "Lưu ý: thẻ <b>in đậm</b> & \"trích dẫn\" phải hiện như chữ. An toàn giao thông.",
                        "2020-02-02", "An toàn")
        );
    }
}
