import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a synthetic Vietnamese news archive for benchmarking static site generators.
 *
 * <pre>
 * java bench/GenerateCorpus.java --articles 1000 --out bench/work/gazette-1000 \
 *      [--hugo bench/work/hugo-1000] [--hugo-theme bench/hugo-theme] [--seed 42]
 * </pre>
 *
 * The same seed always gives byte-identical files: every random choice comes from a SplitMix64
 * generator (not java.util.Random, whose helpers may change between JDKs), floating point goes
 * through StrictMath, and each article draws from its own generator derived from (seed, index),
 * so changing one article's shape never reshuffles the others. Text is built from real Vietnamese
 * words in NFC; it reads like an administrative news bulletin, not like sense.
 *
 * Needs no dependencies; run with the Java 17+ source launcher in a UTF-8 locale (or with
 * {@code -Dfile.encoding=UTF-8}), because the launcher reads this file in the platform encoding.
 */
public final class GenerateCorpus {

    // ---------------------------------------------------------------- vocabulary

    static final String[] MINISTRIES = {
        "Bộ Xây dựng", "Bộ Nội vụ", "Bộ Tài chính", "Bộ Công Thương", "Bộ Kế hoạch và Đầu tư",
        "Bộ Giao thông vận tải", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Tài nguyên và Môi trường",
        "Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ", "Bộ Giáo dục và Đào tạo", "Bộ Y tế",
        "Bộ Tư pháp", "Bộ Ngoại giao", "Bộ Lao động – Thương binh và Xã hội",
        "Bộ Văn hóa, Thể thao và Du lịch", "Ngân hàng Nhà nước Việt Nam",
        "Phòng Thương mại và Công nghiệp Việt Nam", "Thanh tra Chính phủ", "Ủy ban Dân tộc",
    };

    static final String[] BODIES = {
        "Khối thi đua các Bộ, ngành kinh tế", "Ban Thi đua – Khen thưởng Trung ương",
        "Hội đồng Thi đua – Khen thưởng", "các đơn vị trong Khối", "lãnh đạo Bộ", "Công đoàn Bộ",
        "Đoàn Thanh niên Bộ", "các cơ quan, đơn vị", "cán bộ, công chức, viên chức", "Văn phòng Bộ",
        "Vụ Tổ chức cán bộ", "Vụ Kế hoạch – Tài chính", "Tổng cục Thống kê", "Cục Quản lý thị trường",
        "Hội Liên hiệp Phụ nữ", "các doanh nghiệp nhà nước", "Đảng ủy khối", "Thường trực Khối",
        "Tổ công tác", "Ban Chỉ đạo", "các tổng công ty", "người lao động",
    };

    static final String[] PROVINCES = {
        "Hà Nội", "Thành phố Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "An Giang",
        "Bà Rịa – Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
        "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông",
        "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh",
        "Hải Dương", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
        "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
        "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
        "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
        "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
    };

    static final String[] FAMILY = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
        "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đào", "Cao", "Lương", "Mai", "Tạ", "Chu",
    };
    static final String[] MIDDLE = {
        "Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Thu", "Hoài", "Xuân", "Kim",
        "Công", "Đình", "Bảo", "Phương", "Mạnh", "Thế", "Hồng", "Anh",
    };
    static final String[] GIVEN = {
        "Anh", "Hà", "Hùng", "Lan", "Quang", "Tuấn", "Hương", "Dũng", "Hải", "Long", "Nam",
        "Phương", "Thảo", "Trang", "Yến", "Quỳnh", "Sơn", "Bình", "Cường", "Đạt", "Giang", "Hạnh",
        "Khánh", "Linh", "Mai", "Ngân", "Oanh", "Phúc", "Quân", "Tâm", "Thắng", "Trung", "Việt",
        "Vinh", "Hiếu", "Huyền", "Lộc", "Nhung", "Thủy", "Tú", "Uyên", "Xuân", "Đông", "Hòa",
    };
    static final String[] ROLES = {
        "Bộ trưởng", "Thứ trưởng", "Thứ trưởng Thường trực", "Vụ trưởng", "Phó Vụ trưởng",
        "Chánh Văn phòng", "Cục trưởng", "Trưởng ban", "Phó Trưởng ban", "Giám đốc", "Chủ tịch Công đoàn",
        "Bí thư Đảng ủy", "Tổng Giám đốc", "Chủ tịch Hội đồng thành viên",
    };

    static final String[] HEADS = {
        "công tác", "phong trào", "hoạt động", "nhiệm vụ", "kế hoạch", "chương trình", "đề án",
        "quy chế", "chất lượng", "hiệu quả", "kết quả", "chỉ tiêu", "giải pháp", "văn bản", "hồ sơ",
        "báo cáo", "nội dung", "hình thức", "phương hướng", "mô hình", "cơ chế", "chính sách",
        "nguồn lực", "năng lực", "vai trò", "trách nhiệm", "tiêu chí", "quy trình", "thủ tục", "dự án",
        "kinh nghiệm", "sáng kiến", "định hướng", "lộ trình", "tiến độ", "khung pháp lý",
    };
    static final String[] TOPICS = {
        "thi đua, khen thưởng", "cải cách hành chính", "chuyển đổi số", "phát triển kinh tế – xã hội",
        "xây dựng Đảng", "phòng, chống tham nhũng", "thực hành tiết kiệm, chống lãng phí",
        "đào tạo, bồi dưỡng cán bộ", "ứng dụng công nghệ thông tin", "quản lý nhà nước",
        "tuyên truyền, phổ biến pháp luật", "xây dựng nông thôn mới", "bảo vệ môi trường",
        "an toàn giao thông", "hội nhập kinh tế quốc tế", "phát triển hạ tầng", "quản lý tài chính công",
        "thu hút đầu tư", "giải ngân vốn đầu tư công", "bình đẳng giới", "chăm lo đời sống người lao động",
        "văn hóa công sở", "an sinh xã hội", "giáo dục nghề nghiệp", "khoa học và công nghệ",
        "đổi mới sáng tạo", "kinh tế số", "xuất khẩu", "năng suất lao động", "thị trường bất động sản",
        "nhà ở xã hội", "quy hoạch đô thị", "vật liệu xây dựng", "an toàn vệ sinh lao động",
        "phòng chống thiên tai", "chăm sóc sức khỏe nhân dân", "giảm nghèo bền vững",
        "phát triển nguồn nhân lực", "quản lý thị trường", "thanh tra, kiểm tra", "công tác dân vận",
        "xây dựng cơ quan văn hóa", "tiết kiệm năng lượng", "thương mại điện tử", "tài nguyên nước",
    };
    static final String[] POSTMODS = {
        "của Khối", "trong toàn ngành", "tại cơ sở", "của các đơn vị", "theo quy định", "đã đề ra",
        "trọng tâm", "năm nay", "thời gian qua", "của Bộ", "ở các địa phương", "trong giai đoạn mới",
        "được giao", "hằng năm", "của ngành", "trên địa bàn", "đối với người lao động",
    };
    static final String[] VERBS = {
        "tổ chức", "triển khai", "đẩy mạnh", "nâng cao", "tăng cường", "hoàn thành", "đánh giá",
        "chỉ đạo", "ban hành", "thực hiện", "phát động", "tổng kết", "sơ kết", "rà soát", "kiện toàn",
        "đổi mới", "hướng dẫn", "quán triệt", "tuyên truyền", "nhân rộng", "biểu dương", "xây dựng",
        "củng cố", "hoàn thiện", "đề xuất", "thảo luận", "thống nhất", "thông qua", "tiếp thu",
        "theo dõi", "kiểm tra", "giám sát", "thẩm định", "phê duyệt", "bổ sung", "sửa đổi", "cải thiện",
        "thúc đẩy", "huy động", "phát huy", "duy trì", "đôn đốc", "chuẩn bị", "công bố", "ghi nhận",
        "tháo gỡ", "giải quyết", "lồng ghép", "cụ thể hóa", "đa dạng hóa", "chuẩn hóa", "số hóa",
    };
    static final String[] AUX = {
        "đã", "đã", "đã", "sẽ", "đang", "tiếp tục", "cần", "đã và đang", "chủ động", "tích cực",
        "khẩn trương", "kịp thời", "từng bước", "",
    };
    static final String[] ADVERBIALS = {
        "trong thời gian tới", "trong giai đoạn hiện nay", "theo đúng quy định của pháp luật",
        "một cách thiết thực, hiệu quả", "ngay từ đầu năm", "tại trụ sở Bộ", "bằng hình thức trực tuyến",
        "với sự tham dự của đại diện lãnh đạo các Bộ, ngành", "nhằm đạt được các mục tiêu đề ra",
        "góp phần hoàn thành thắng lợi nhiệm vụ chính trị được giao", "một cách đồng bộ, toàn diện",
        "có trọng tâm, trọng điểm", "bảo đảm công khai, minh bạch", "sát với thực tiễn",
        "theo tinh thần chỉ đạo của Chính phủ", "trong toàn hệ thống", "đến từng chi bộ",
        "với nhiều hình thức phong phú, đa dạng", "đúng tiến độ", "ở tất cả các cấp",
    };
    static final String[] INTROS = {
        "Theo báo cáo", "Bên cạnh đó", "Ngoài ra", "Tuy nhiên", "Đồng thời", "Trong năm qua",
        "Phát biểu tại hội nghị", "Thay mặt lãnh đạo Bộ", "Qua đó", "Nhìn chung", "Cụ thể",
        "Để khắc phục những hạn chế trên", "Nhân dịp này", "Trên cơ sở đó", "Trong thời gian qua",
        "Theo đánh giá của Ban Thi đua – Khen thưởng Trung ương", "Với tinh thần đó", "Mặt khác",
        "Trước yêu cầu nhiệm vụ mới", "Thực hiện chỉ đạo của Thủ tướng Chính phủ",
    };
    static final String[] SPEECH_VERBS = {
        "nhấn mạnh", "đề nghị", "yêu cầu", "khẳng định", "cho biết", "lưu ý", "đề xuất", "chia sẻ",
    };
    static final String[] AWARDS = {
        "Bằng khen của Thủ tướng Chính phủ", "Cờ thi đua của Chính phủ", "Huân chương Lao động hạng Ba",
        "Huân chương Lao động hạng Nhì", "Huân chương Lao động hạng Nhất", "danh hiệu Chiến sĩ thi đua toàn quốc",
        "Bằng khen của Bộ trưởng", "danh hiệu Tập thể lao động xuất sắc", "Cờ thi đua của Bộ",
        "danh hiệu Chiến sĩ thi đua cấp Bộ", "Huân chương Độc lập hạng Ba", "danh hiệu Anh hùng Lao động",
        "Kỷ niệm chương Vì sự nghiệp thi đua – khen thưởng",
    };
    static final String[] EVENTS = {
        "Hội nghị sơ kết", "Hội nghị tổng kết", "Hội thảo", "Lễ ký kết giao ước thi đua", "Lễ phát động",
        "Hội nghị triển khai", "Tọa đàm", "Lễ tôn vinh", "Hội nghị trực tuyến", "Lễ kỷ niệm",
        "Đại hội thi đua yêu nước", "Hội nghị điển hình tiên tiến", "Hội nghị giao ban",
        "Lớp tập huấn nghiệp vụ", "Đoàn công tác",
    };
    static final String[] PERIODS = {
        "6 tháng đầu năm", "6 tháng cuối năm", "năm", "quý I", "quý II", "quý III", "9 tháng đầu năm",
        "giai đoạn 5 năm", "nhiệm kỳ",
    };
    static final String[] WEAKNESSES = {
        "phong trào thi đua chưa thực sự có chiều sâu", "người lao động trực tiếp chưa được quan tâm đúng mức",
        "nguồn kinh phí còn hạn chế", "việc phát hiện, nhân rộng điển hình tiên tiến còn chậm",
        "hồ sơ đề nghị khen thưởng có nơi còn sai sót", "công tác phối hợp có lúc chưa chặt chẽ",
        "ứng dụng công nghệ thông tin chưa đồng đều", "đội ngũ làm công tác thi đua còn mỏng",
        "một số chỉ tiêu chưa đạt kế hoạch", "thủ tục hành chính còn rườm rà",
    };
    static final String[] HEADINGS = {
        "Kết quả nổi bật", "Những hạn chế, tồn tại", "Phương hướng, nhiệm vụ", "Một số kiến nghị, đề xuất",
        "Các giải pháp trọng tâm", "Bài học kinh nghiệm", "Những con số ấn tượng", "Ý kiến tại hội nghị",
        "Nhiệm vụ thời gian tới", "Bối cảnh", "Điểm sáng tại cơ sở", "Kết quả khen thưởng",
    };
    /** Common two-syllable words, for the odd free-form sentence that widens the vocabulary. */
    static final String[] WORDS = {
        "giáo dục", "khen thưởng", "thi đua", "kinh tế", "hội nghị", "phát triển", "doanh nghiệp",
        "người dân", "cơ quan", "chính quyền", "địa phương", "lao động", "sản xuất", "thị trường",
        "đầu tư", "hạ tầng", "môi trường", "văn hóa", "truyền thống", "tập thể", "cá nhân", "thành tích",
        "mục tiêu", "hạn chế", "khó khăn", "thuận lợi", "cơ hội", "thách thức", "trình độ", "chuyên môn",
        "nghiệp vụ", "kỹ năng", "đóng góp", "ý kiến", "kiến nghị", "lãnh đạo", "quản lý", "điều hành",
        "công khai", "minh bạch", "chính xác", "thiết thực", "sâu rộng", "toàn diện", "bền vững",
        "nhanh chóng", "sáng tạo", "đoàn kết", "thống nhất", "ổn định", "tăng trưởng", "chất lượng",
        "dịch vụ", "công nghệ", "nông thôn", "đô thị", "giao thông", "công trình", "thanh niên", "phụ nữ",
        "gia đình", "cộng đồng", "xã hội", "an ninh", "quốc phòng", "đối ngoại", "hợp tác", "quốc tế",
        "khu vực", "vùng sâu", "vùng xa", "biên giới", "hải đảo", "ngân sách", "tín dụng", "thuế",
        "hải quan", "kho bạc", "bảo hiểm", "y tế", "bệnh viện", "trường học", "học sinh", "sinh viên",
        "giảng viên", "nhà khoa học", "kỹ sư", "công nhân", "nông dân", "ngư dân", "thương nhân",
        "nhà đầu tư", "đối tác", "dự toán", "quyết toán", "thẩm quyền", "trách nhiệm giải trình",
        "tinh thần", "ý thức", "kỷ luật", "kỷ cương", "nề nếp", "đạo đức", "lối sống", "tư tưởng",
        "niềm tin", "sự đồng thuận", "khát vọng", "động lực", "tiềm năng", "lợi thế", "nguồn vốn",
        "điện năng", "xăng dầu", "than", "khoáng sản", "thủy sản", "lâm nghiệp", "chăn nuôi", "trồng trọt",
        "lương thực", "nước sạch", "rác thải", "khí thải", "biến đổi khí hậu", "thiên tai", "dịch bệnh",
    };

    static final String[] CATEGORIES = {
        "Hoạt động của Khối", "Tin tức – Sự kiện", "Thi đua – Khen thưởng", "Gương điển hình tiên tiến",
        "Văn bản chỉ đạo", "Hoạt động các Bộ, ngành", "Kinh tế – Xã hội", "Hội nghị – Hội thảo",
        "Trao đổi nghiệp vụ", "Văn hóa – Thể thao",
    };

    static final String[] TAG_STEMS = {
        "Hội nghị", "Thi đua khen thưởng", "Sơ kết", "Tổng kết", "Chuyển đổi số", "Cải cách hành chính",
        "Điển hình tiên tiến", "Giao ước thi đua", "Phong trào thi đua", "Khen thưởng", "Công đoàn",
        "Thanh niên", "Phụ nữ", "Đào tạo", "Bồi dưỡng", "Kinh tế", "Đầu tư công", "Xuất khẩu",
        "Hạ tầng giao thông", "Nông thôn mới", "Môi trường", "Năng lượng", "Nhà ở xã hội", "Quy hoạch",
        "An sinh xã hội", "Giáo dục", "Y tế", "Khoa học công nghệ", "Đổi mới sáng tạo", "Pháp luật",
        "Phòng chống tham nhũng", "Tiết kiệm", "Văn hóa công sở", "Thể thao", "Văn nghệ", "Từ thiện",
        "Đối ngoại", "Hợp tác quốc tế", "Doanh nghiệp", "Thị trường", "Tài chính", "Ngân hàng",
        "Thuế", "Hải quan", "Bảo hiểm xã hội", "Lao động việc làm", "Giảm nghèo", "Thiên tai",
        "Biến đổi khí hậu", "Công nghệ thông tin", "Chính phủ điện tử", "Dịch vụ công trực tuyến",
        "Kỷ niệm", "Tôn vinh", "Huân chương", "Bằng khen", "Cờ thi đua", "Chiến sĩ thi đua",
        "Tập huấn", "Hội thảo",
    };
    static final String[] TAG_QUALIFIERS = {
        "năm 2010", "năm 2011", "năm 2012", "năm 2013", "năm 2014", "năm 2015", "năm 2016", "năm 2017",
        "năm 2018", "năm 2019", "năm 2020", "năm 2021", "năm 2022", "năm 2023", "năm 2024", "năm 2025",
        "năm 2026", "trực tuyến", "cấp Bộ", "toàn quốc", "địa phương", "cơ sở", "khu vực phía Nam",
        "khu vực miền Trung", "khu vực phía Bắc", "doanh nghiệp nhà nước", "đột xuất", "chuyên đề",
        "giai đoạn 2016–2020", "giai đoạn 2021–2025", "6 tháng", "quý I", "quý III",
    };

    static final String[] AUTHORS;
    static {
        List<String> authors = new ArrayList<>();
        String[] first = {"Quỳnh", "Minh", "Thu", "Hoài", "Ngọc", "Thanh", "Bảo", "Hải", "Phương", "Lan"};
        String[] second = {"Anh", "Hà", "Trang", "Linh", "Nam", "Sơn", "Thảo", "Hương"};
        for (String a : first) {
            for (String b : second) {
                authors.add(a + " " + b);
            }
        }
        AUTHORS = authors.toArray(String[]::new);
    }

    // ---------------------------------------------------------------- randomness

    /** SplitMix64: tiny, fast, and fully specified here, so output never depends on the JDK. */
    static final class Rng {
        private long state;

        Rng(long seed) {
            state = seed;
        }

        static Rng forItem(long seed, long item) {
            Rng mixer = new Rng(seed ^ (item * 0x632BE59BD9B4E019L));
            return new Rng(mixer.nextLong());
        }

        long nextLong() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        int nextInt(int bound) {
            return (int) Long.remainderUnsigned(nextLong(), bound);
        }

        int between(int lo, int hiInclusive) {
            return lo + nextInt(hiInclusive - lo + 1);
        }

        double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }

        boolean chance(double p) {
            return nextDouble() < p;
        }

        double gaussian() {
            double u = 1.0 - nextDouble();
            double v = nextDouble();
            return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
        }

        String pick(String[] items) {
            return items[nextInt(items.length)];
        }

        <T> T pick(List<T> items) {
            return items.get(nextInt(items.size()));
        }
    }

    /** Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1.0 / StrictMath.pow(i + 1, s);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int next(Rng rng) {
            int i = Arrays.binarySearch(cumulative, rng.nextDouble());
            return Math.min(i >= 0 ? i : -i - 1, cumulative.length - 1);
        }
    }

    // ---------------------------------------------------------------- slugs (same rules as Gazette)

    static String slugify(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder();
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            folded.append(c == '\u0111' ? 'd' : c == '\u0110' ? 'D' : c); // đ, Đ
        }
        String lower = folded.toString().toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        boolean pendingHyphen = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingHyphen && slug.length() > 0) {
                    slug.append('-');
                }
                pendingHyphen = false;
                slug.append(c);
            } else {
                pendingHyphen = true;
            }
        }
        return slug.toString();
    }

    /** Title slugs the way Gazette cuts them: at most 60 characters, first clause if it suffices. */
    static String slugForTitle(String title) {
        String full = slugify(title);
        if (full.length() <= 60) {
            return full;
        }
        String[] clauses = title.split("\\s+[–—|:-]\\s+|:\\s+", 2);
        if (clauses.length == 2) {
            String first = slugify(clauses[0]);
            if (first.length() >= 16 && first.length() <= 60) {
                return first;
            }
        }
        int cut = full.lastIndexOf('-', 60);
        return cut > 0 ? full.substring(0, cut) : full.substring(0, 60);
    }

    // ---------------------------------------------------------------- the corpus model

    record Article(int index, String title, String slug, LocalDateTime date, boolean hasTime, String author,
                   String category, List<String> tags, String summary) {

        String year() {
            return String.format(Locale.ROOT, "%04d", date.getYear());
        }

        String month() {
            return String.format(Locale.ROOT, "%04d-%02d", date.getYear(), date.getMonthValue());
        }

        String url() {
            return String.format(Locale.ROOT, "/%04d/%02d/%s/", date.getYear(), date.getMonthValue(), slug);
        }

        String dateText() {
            return hasTime
                    ? String.format(Locale.ROOT, "%sT%02d:%02d:00+07:00", date.toLocalDate(), date.getHour(),
                            date.getMinute())
                    : date.toLocalDate().toString();
        }
    }

    static final LocalDate FIRST_DAY = LocalDate.of(2010, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);

    private final long seed;
    private final List<String> tagNames;
    private final Zipf tagZipf;
    private final Zipf categoryZipf = new Zipf(CATEGORIES.length, 0.8);
    private final Zipf authorZipf = new Zipf(AUTHORS.length, 0.7);

    GenerateCorpus(long seed) {
        this.seed = seed;
        this.tagNames = buildTagNames(new Rng(seed ^ 0x7A65L));
        this.tagZipf = new Zipf(tagNames.size(), 1.0);
    }

    /**
     * About 1,000 tag names, most frequent first: bare stems and ministries lead (they are what
     * editors tag most), then stem + qualifier combinations in a seed-shuffled order. Names whose
     * slugs collide (case or diacritics only) are dropped so every tag has its own URL.
     */
    static List<String> buildTagNames(Rng rng) {
        List<String> heads = new ArrayList<>(Arrays.asList(TAG_STEMS));
        heads.addAll(Arrays.asList(MINISTRIES));
        shuffle(heads, rng);
        List<String> combos = new ArrayList<>();
        for (String stem : TAG_STEMS) {
            for (String qualifier : TAG_QUALIFIERS) {
                combos.add(stem + " " + qualifier);
            }
        }
        for (String province : PROVINCES) {
            combos.add(province);
        }
        shuffle(combos, rng);
        Set<String> slugs = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (String name : Stream.concat(heads.stream(), combos.stream()).toList()) {
            if (names.size() == 1000) {
                break;
            }
            if (slugs.add(slugify(name))) {
                names.add(name);
            }
        }
        return names;
    }

    static <T> void shuffle(List<T> list, Rng rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    List<Article> planArticles(int count) {
        List<Article> articles = new ArrayList<>(count);
        Set<String> usedSlugs = new HashSet<>();
        int days = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay()) + 1;
        for (int i = 0; i < count; i++) {
            Rng rng = Rng.forItem(seed, i);
            LocalDate day = FIRST_DAY.plusDays(rng.nextInt(days));
            boolean hasTime = rng.chance(0.4);
            LocalDateTime date = hasTime
                    ? day.atTime(rng.between(7, 21), rng.nextInt(12) * 5)
                    : day.atStartOfDay();
            Sentences words = new Sentences(rng, day.getYear());
            String title = null;
            String slug = null;
            for (int attempt = 0; attempt < 20 && slug == null; attempt++) {
                String candidate = words.title();
                String candidateSlug = slugForTitle(candidate);
                if (!usedSlugs.contains(candidateSlug)) {
                    title = candidate;
                    slug = candidateSlug;
                }
            }
            for (int n = 2; slug == null; n++) {
                // A numbered bulletin leads the title, so the number survives the 60-character cut.
                String candidate = "Bản tin số " + n + ": " + words.title();
                String candidateSlug = slugForTitle(candidate);
                if (!usedSlugs.contains(candidateSlug)) {
                    title = candidate;
                    slug = candidateSlug;
                }
            }
            usedSlugs.add(slug);
            String author = AUTHORS[authorZipf.next(rng)];
            String category = CATEGORIES[categoryZipf.next(rng)];
            int tagCount = rng.between(3, 7);
            Set<String> tags = new LinkedHashSet<>();
            while (tags.size() < tagCount) {
                tags.add(tagNames.get(tagZipf.next(rng)));
            }
            String summary = rng.chance(0.1) ? words.sentence() : null;
            articles.add(new Article(i, nfc(title), slug, date, hasTime, author, category, List.copyOf(tags),
                    summary == null ? null : nfc(summary)));
        }
        return articles;
    }

    /** Body of one article; links go to other articles of the corpus by permalink. */
    String body(Article article, List<Article> all) {
        Rng rng = Rng.forItem(seed ^ 0x5EEDB0D7L, article.index());
        Sentences words = new Sentences(rng, article.date().getYear());
        int target;
        do {
            target = (int) StrictMath.round(StrictMath.exp(StrictMath.log(700) + 0.5 * rng.gaussian()));
        } while (target < 300 || target > 2000);

        boolean headings = target > 600 && rng.chance(0.35);
        boolean list = rng.chance(0.2);
        boolean table = rng.chance(0.06);
        boolean quote = rng.chance(0.08);
        int links = rng.chance(0.2) ? rng.between(1, 3) : 0;

        StringBuilder out = new StringBuilder();
        int written = 0;
        int paragraphs = 0;
        while (written < target) {
            if (headings && paragraphs > 0 && paragraphs % 3 == 0) {
                String heading = rng.pick(HEADINGS);
                out.append(rng.chance(0.8) ? "## " : "### ").append(heading).append("\n\n");
                written += wordCount(heading);
            }
            if (list && paragraphs == 2) {
                written += appendList(out, words, rng);
                list = false;
            } else if (table && paragraphs == 3) {
                written += appendTable(out, rng, article.date().getYear());
                table = false;
            } else if (quote && paragraphs == 4) {
                String said = words.clause();
                out.append("> “").append(capitalize(said)).append(".” – ")
                        .append(words.person()).append("\n\n");
                written += wordCount(said) + 4;
                quote = false;
            }
            StringBuilder paragraph = new StringBuilder();
            int sentences = rng.between(2, 6);
            for (int s = 0; s < sentences && written < target; s++) {
                String sentence = words.sentence();
                if (links > 0 && rng.chance(0.15)) {
                    Article other = all.get(rng.nextInt(all.size()));
                    if (other.index() != article.index()) {
                        sentence = sentence.substring(0, sentence.length() - 1) + " (xem thêm: ["
                                + other.title() + "](" + other.url() + ")).";
                        links--;
                    }
                } else if (rng.chance(0.04)) {
                    sentence = emphasise(sentence, rng);
                }
                if (paragraph.length() > 0) {
                    paragraph.append(' ');
                }
                paragraph.append(sentence);
                written += wordCount(sentence);
            }
            out.append(paragraph).append("\n\n");
            paragraphs++;
        }
        return nfc(out.toString().stripTrailing() + "\n");
    }

    static int appendList(StringBuilder out, Sentences words, Rng rng) {
        boolean numbered = rng.chance(0.4);
        int items = rng.between(3, 6);
        int count = 0;
        out.append(capitalize(words.clause())).append(", cụ thể như sau:\n\n");
        for (int i = 0; i < items; i++) {
            String item = capitalize(words.verbPhrase());
            out.append(numbered ? (i + 1) + ". " : "- ").append(item).append(i == items - 1 ? "." : ";").append('\n');
            count += wordCount(item);
        }
        out.append('\n');
        return count + 6;
    }

    static int appendTable(StringBuilder out, Rng rng, int year) {
        out.append("Kết quả khen thưởng năm ").append(year).append(" của một số đơn vị:\n\n");
        out.append("| STT | Đơn vị | Tập thể được khen | Cá nhân được khen |\n");
        out.append("|---:|---|---:|---:|\n");
        int rows = rng.between(3, 7);
        List<String> units = new ArrayList<>(Arrays.asList(MINISTRIES));
        shuffle(units, rng);
        for (int r = 0; r < rows; r++) {
            out.append("| ").append(r + 1).append(" | ").append(units.get(r)).append(" | ")
                    .append(rng.between(2, 60)).append(" | ").append(rng.between(10, 400)).append(" |\n");
        }
        out.append('\n');
        return 10 + rows * 6;
    }

    static String emphasise(String sentence, Rng rng) {
        for (String ministry : MINISTRIES) {
            int at = sentence.indexOf(ministry);
            if (at >= 0) {
                return sentence.substring(0, at) + "**" + ministry + "**" + sentence.substring(at + ministry.length());
            }
        }
        int comma = sentence.indexOf(", ");
        if (comma > 0 && rng.chance(0.5)) {
            return "*" + sentence.substring(0, comma) + "*" + sentence.substring(comma);
        }
        return "**" + sentence.substring(0, sentence.length() - 1) + "**.";
    }

    static int wordCount(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    static String capitalize(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(text, Character.charCount(first), text.length()).toString();
    }

    static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    // ---------------------------------------------------------------- sentence grammar

    /** A tiny grammar of the administrative-news register: who did what to which work, how, when. */
    static final class Sentences {
        private final Rng rng;
        private final int year;

        Sentences(Rng rng, int year) {
            this.rng = rng;
            this.year = year;
        }

        String ministry() {
            return rng.pick(MINISTRIES);
        }

        String name() {
            return rng.pick(FAMILY) + " " + rng.pick(MIDDLE) + " " + rng.pick(GIVEN);
        }

        String person() {
            String role = rng.pick(ROLES);
            return rng.chance(0.5) ? role + " " + ministry() + " " + name() : role + " " + name();
        }

        String subject() {
            int kind = rng.nextInt(10);
            if (kind < 4) {
                return ministry();
            }
            if (kind < 8) {
                return rng.pick(BODIES);
            }
            return person();
        }

        String nounPhrase() {
            StringBuilder np = new StringBuilder(rng.pick(HEADS)).append(' ').append(rng.pick(TOPICS));
            if (rng.chance(0.3)) {
                np.append(' ').append(rng.pick(POSTMODS));
            }
            return np.toString();
        }

        String verbPhrase() {
            StringBuilder vp = new StringBuilder(rng.pick(VERBS)).append(' ').append(nounPhrase());
            if (rng.chance(0.4)) {
                vp.append(' ').append(rng.pick(ADVERBIALS));
            }
            return vp.toString();
        }

        String when() {
            int kind = rng.nextInt(4);
            return switch (kind) {
                case 0 -> "trong năm " + year;
                case 1 -> rng.pick(PERIODS) + " " + year;
                case 2 -> "giai đoạn " + (year - year % 5 + 1) + "–" + (year - year % 5 + 5);
                default -> "từ đầu năm " + year + " đến nay";
            };
        }

        String clause() {
            String aux = rng.pick(AUX);
            return subject() + (aux.isEmpty() ? "" : " " + aux) + " " + verbPhrase();
        }

        String sentence() {
            int kind = rng.nextInt(20);
            String text = switch (kind) {
                case 0, 1, 2, 3, 4 -> clause();
                case 5, 6, 7 -> rng.pick(INTROS) + ", " + clause();
                case 8, 9 -> clause() + ", đồng thời " + verbPhrase();
                case 10 -> "Theo " + person() + ", " + nounPhrase() + " " + when()
                        + " đã được " + rng.pick(VERBS) + " " + rng.pick(ADVERBIALS)
                        + ", tuy nhiên vẫn còn một số hạn chế như: " + rng.pick(WEAKNESSES) + "; "
                        + rng.pick(WEAKNESSES) + " và " + rng.pick(WEAKNESSES);
                case 11 -> "Kết quả, " + when() + " có " + rng.between(3, 120) + " tập thể và "
                        + rng.between(10, 900) + " cá nhân được tặng " + rng.pick(AWARDS);
                case 12 -> "Tỷ lệ " + nounPhrase() + " đạt " + rng.between(60, 99) + "," + rng.nextInt(10)
                        + "%, tăng " + rng.between(1, 15) + "% so với cùng kỳ năm trước";
                case 13 -> person() + " " + rng.pick(SPEECH_VERBS) + " " + rng.pick(BODIES) + " cần "
                        + verbPhrase();
                case 14 -> String.format(Locale.ROOT, "Ngày %02d/%02d/%d, tại %s, %s đã tổ chức %s %s %s",
                        rng.between(1, 28), rng.between(1, 12), year, rng.pick(PROVINCES), subject(),
                        rng.pick(EVENTS).toLowerCase(Locale.ROOT), nounPhrase(), when());
                case 15 -> "Tại " + rng.pick(PROVINCES) + ", " + clause() + " " + when();
                case 16 -> "Nhiều " + rng.pick(WORDS) + ", " + rng.pick(WORDS) + " và " + rng.pick(WORDS)
                        + " " + rng.pick(AUX) + " được " + rng.pick(VERBS) + " " + rng.pick(ADVERBIALS)
                        + ", góp phần " + rng.pick(VERBS) + " " + rng.pick(WORDS) + " " + rng.pick(WORDS);
                case 17 -> "Đến nay, " + rng.between(2, 40) + " " + rng.pick(HEADS) + " về " + rng.pick(TOPICS)
                        + " đã được " + rng.pick(VERBS) + ", trong đó " + rng.between(1, 9) + " "
                        + rng.pick(HEADS) + " " + rng.pick(ADVERBIALS)
                        + (rng.chance(0.5) ? " với tổng kinh phí " + rng.between(2, 900) + " tỷ đồng" : "");
                case 18 -> "Đây là " + rng.pick(WORDS) + " quan trọng để " + rng.pick(BODIES) + " "
                        + verbPhrase() + ", " + rng.pick(VERBS) + " " + rng.pick(WORDS);
                default -> capitalize(rng.pick(WORDS)) + " và " + rng.pick(WORDS) + " là hai "
                        + rng.pick(HEADS) + " được " + person() + " đặc biệt quan tâm " + when();
            };
            return capitalize(text) + ".";
        }

        String title() {
            int kind = rng.nextInt(8);
            return capitalize(switch (kind) {
                case 0 -> rng.pick(EVENTS) + " " + nounPhrase() + " " + rng.pick(PERIODS) + " " + year
                        + " của " + ministry();
                case 1 -> ministry() + " " + rng.pick(VERBS) + " " + nounPhrase() + " " + when();
                case 2 -> ministry() + " tổ chức Lễ đón nhận " + rng.pick(AWARDS);
                case 3 -> rng.pick(EVENTS) + " " + rng.pick(TOPICS) + " tại " + rng.pick(PROVINCES) + " năm "
                        + year;
                case 4 -> capitalize(rng.pick(VERBS)) + " " + nounPhrase() + " – " + rng.pick(EVENTS).toLowerCase(
                        Locale.ROOT) + " của " + ministry() + " " + when();
                case 5 -> rng.pick(BODIES) + " " + rng.pick(VERBS) + " " + nounPhrase() + " năm " + year;
                case 6 -> "Gương điển hình: " + name() + ", " + rng.pick(WORDS) + " của " + ministry();
                default -> rng.pick(EVENTS) + " lần thứ " + rng.between(2, 30) + " về " + rng.pick(TOPICS)
                        + " của " + ministry();
            });
        }
    }

    // ---------------------------------------------------------------- writing

    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String gazetteMarkdown(Article a, String body) {
        StringBuilder fm = new StringBuilder("---\n");
        fm.append("title: ").append(quoted(a.title())).append('\n');
        fm.append("date: ").append(a.dateText()).append('\n');
        fm.append("author: ").append(quoted(a.author())).append('\n');
        fm.append("category: ").append(quoted(a.category())).append('\n');
        fm.append("tags:\n");
        for (String tag : a.tags()) {
            fm.append("  - ").append(quoted(tag)).append('\n');
        }
        if (a.summary() != null) {
            fm.append("summary: ").append(quoted(a.summary())).append('\n');
        }
        return fm.append("---\n\n").append(body).toString();
    }

    static String hugoMarkdown(Article a, String body) {
        StringBuilder fm = new StringBuilder("---\n");
        fm.append("title: ").append(quoted(a.title())).append('\n');
        fm.append("date: ").append(a.dateText()).append('\n');
        fm.append("author: ").append(quoted(a.author())).append('\n');
        fm.append("categories:\n  - ").append(quoted(a.category())).append('\n');
        fm.append("years:\n  - ").append(quoted(a.year())).append('\n');
        fm.append("months:\n  - ").append(quoted(a.month())).append('\n');
        fm.append("tags:\n");
        for (String tag : a.tags()) {
            fm.append("  - ").append(quoted(tag)).append('\n');
        }
        if (a.summary() != null) {
            fm.append("summary: ").append(quoted(a.summary())).append('\n');
        }
        return fm.append("---\n\n").append(body).toString();
    }

    static final String SITE_TITLE = "Khối thi đua các Bộ, ngành kinh tế";

    static String siteYaml() {
        return "# Synthetic benchmark corpus written by bench/GenerateCorpus.java\n"
                + "title: " + quoted(SITE_TITLE) + "\n"
                + "baseUrl: \"http://127.0.0.1:1313/\"\n"
                + "language: vi\n"
                + "timeZone: Asia/Ho_Chi_Minh\n"
                + "permalink: \"/:year/:month/:slug/\"\n"
                + "pageSize: 10\n";
    }

    /**
     * Hugo 0.111 (Debian bookworm) spells some keys the old way; the newer spellings sit beside
     * them so a newer Hugo reads the same settings.
     */
    static String hugoToml() {
        return """
                # Synthetic benchmark corpus written by bench/GenerateCorpus.java
                baseURL = "http://127.0.0.1:1313/"
                languageCode = "vi"
                defaultContentLanguage = "vi"
                title = %s
                timeZone = "Asia/Ho_Chi_Minh"
                theme = "gazette-bench"
                buildFuture = true
                disableKinds = ["section"]
                removePathAccents = true
                paginate = 10
                rssLimit = 20

                [pagination]
                  pagerSize = 10

                [services.rss]
                  limit = 20

                [permalinks]
                  posts = "/:year/:month/:filename/"
                  tags = "/tags/:slug/"
                  categories = "/categories/:slug/"
                  years = "/:slug/"

                [taxonomies]
                  tag = "tags"
                  category = "categories"
                  year = "years"
                  month = "months"

                [outputs]
                  home = ["HTML", "RSS"]
                  taxonomy = ["HTML"]
                  term = ["HTML", "RSS"]

                # Feeds only for tags, like Gazette: no RSS for category, year and month pages.
                [[cascade]]
                  outputs = ["HTML"]
                  [cascade._target]
                    kind = "term"
                    path = "/categories/**"
                [[cascade]]
                  outputs = ["HTML"]
                  [cascade._target]
                    kind = "term"
                    path = "/years/**"
                [[cascade]]
                  outputs = ["HTML"]
                  [cascade._target]
                    kind = "term"
                    path = "/months/**"

                # Five related articles on each article page, like Gazette's relatedCount default.
                # Tags shared by more than 10 %% of the articles say little about relatedness and
                # make the lookup slow, so they are left out of the index.
                [related]
                  includeNewer = true
                  threshold = 80
                  toLower = false
                  [[related.indices]]
                    name = "tags"
                    weight = 100
                    cardinalityThreshold = 10

                [markup.goldmark.parser]
                  autoHeadingIDType = "github-ascii"

                [params]
                  description = %s
                  related = true
                """.formatted(quoted(SITE_TITLE), quoted("Tin tức và hoạt động của " + SITE_TITLE));
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        TreeMap<Path, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.put(p, to.resolve(from.relativize(p).toString())));
        }
        for (var entry : files.entrySet()) {
            Files.createDirectories(entry.getValue().getParent());
            Files.copy(entry.getKey(), entry.getValue(), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void refuseNonEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " is not empty; remove it first");
                }
            }
        }
    }

    // ---------------------------------------------------------------- main

    public static void main(String[] args) throws IOException {
        if (!"đ".equals("\u0111")) {
            System.err.println("This file was read in the wrong encoding. Run it in a UTF-8 locale "
                    + "or as: java -Dfile.encoding=UTF-8 bench/GenerateCorpus.java ...");
            System.exit(2);
        }
        int articles = -1;
        Path out = null;
        Path hugo = null;
        Path hugoTheme = Path.of("bench", "hugo-theme");
        long seed = 20140818L;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(value);
                case "--out" -> out = Path.of(value);
                case "--hugo" -> hugo = Path.of(value);
                case "--hugo-theme" -> hugoTheme = Path.of(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        if (articles < 1 || (out == null && hugo == null)) {
            usage("need --articles N and --out DIR and/or --hugo DIR");
        }
        if (hugo != null && !Files.isDirectory(hugoTheme.resolve("layouts"))) {
            usage("Hugo theme not found at " + hugoTheme + " (run from the repository root or pass --hugo-theme)");
        }
        if (out != null) {
            refuseNonEmpty(out);
        }
        if (hugo != null) {
            refuseNonEmpty(hugo);
        }

        GenerateCorpus corpus = new GenerateCorpus(seed);
        List<Article> plan = corpus.planArticles(articles);
        long words = 0;
        for (Article article : plan) {
            String body = corpus.body(article, plan);
            words += wordCount(body);
            if (out != null) {
                write(out.resolve("content").resolve(article.year()).resolve(article.slug() + ".md"),
                        gazetteMarkdown(article, body));
            }
            if (hugo != null) {
                write(hugo.resolve("content").resolve("posts").resolve(article.slug() + ".md"),
                        hugoMarkdown(article, body));
            }
        }
        if (out != null) {
            write(out.resolve("site.yml"), siteYaml());
        }
        if (hugo != null) {
            write(hugo.resolve("hugo.toml"), hugoToml());
            // `hugo --config hugo.toml,no-related.toml` builds the site without related articles.
            write(hugo.resolve("no-related.toml"), "[params]\n  related = false\n");
            copyTree(hugoTheme, hugo.resolve("themes").resolve("gazette-bench"));
        }
        System.out.printf(Locale.ROOT, "%d articles, %d words (mean %d), seed %d%n", articles, words,
                words / articles, seed);
    }

    static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: java bench/GenerateCorpus.java --articles N [--out DIR] [--hugo DIR]"
                + " [--hugo-theme DIR] [--seed S]");
        System.exit(2);
    }
}
