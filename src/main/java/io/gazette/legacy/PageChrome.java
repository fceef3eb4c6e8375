package io.gazette.legacy;

import java.util.regex.Pattern;

/**
 * The old site's furniture around an article, recognised by its fixed wording: the "Hôm nay"
 * header, the rating widget, print/share links, the "Bài viết khác" list and the visitor counter.
 * Patterns match whole (cleaned) lines, so article sentences that merely mention these words are
 * kept.
 */
final class PageChrome {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** {@code Hôm nay, Thứ tư ngày 28/02/2024,}: the day the page was saved. */
    private static final Pattern SAVED_ON_HEADER = Pattern.compile("hôm nay\\s*,.*\\d{1,2}/\\d{1,2}/\\d{4}.*", FLAGS);

    /** Rating widget, visitor counter and link rows, anywhere on the page. */
    private static final Pattern NOISE = Pattern.compile(String.join("|",
            "[•·\\-*\\s]*",
            "[•·]?\\s*đánh giá cho bài viết\\s*:?",
            "[•·]?\\s*\\d+([.,]\\d+)?\\s*điểm\\s*\\(\\s*\\d+\\s*đánh giá\\s*\\)",
            "[•·]?\\s*\\(?\\s*\\d+\\s*(đánh giá|lượt xem|lượt đọc)\\s*\\)?",
            "(trực tuyến|đang truy cập|đang trực tuyến|hôm nay|hôm qua|tuần này|tháng này|tổng( số)?( lượt)?( truy cập)?)\\s*:?\\s*[\\d.,]+",
            "[\\d.,]+",
            "((in bài viết|bản in|gửi (bài viết|email|cho bạn bè)|quay lại|trở về|về đầu trang|lên đầu trang|chia sẻ)\\s*[|:]?\\s*)+"),
            FLAGS);

    /** Where the article ends: everything after these headings is the site's sidebar and footer. */
    private static final String END_HEADINGS = "(bài viết khác|các bài viết khác|tin khác|các tin khác"
            + "|tin cùng chuyên mục|tin liên quan|thống kê truy cập|lượt truy cập)";
    private static final Pattern END_OF_ARTICLE = Pattern.compile(END_HEADINGS + "\\s*:?", FLAGS);
    private static final Pattern STARTS_WITH_END = Pattern.compile(END_HEADINGS + "(\\s*:|\\s|$).*", FLAGS | Pattern.DOTALL);

    /**
     * {@code Trang chủ » Hoạt động của Khối}: where the page was filed. A row separated by
     * {@code |} is the menu, not a breadcrumb.
     */
    private static final Pattern BREADCRUMB = Pattern.compile("(trang chủ|trang nhất|home)\\s*[»>›/]\\s*(?<rest>.+)", FLAGS);

    private PageChrome() {
    }

    static boolean isSavedOnHeader(String line) {
        return SAVED_ON_HEADER.matcher(line).matches();
    }

    /** A line that carries no article text: blank, a widget, a counter, a bare number, link row. */
    static boolean isNoise(String line) {
        return NOISE.matcher(line).matches() || isSavedOnHeader(line) || isBreadcrumb(line);
    }

    static boolean isBreadcrumb(String line) {
        return BREADCRUMB.matcher(line).matches();
    }

    /** The last step of a breadcrumb line, the section the article was filed in; null if there is none. */
    static String breadcrumbSection(String line) {
        java.util.regex.Matcher m = BREADCRUMB.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String[] steps = m.group("rest").split("\\s*[»>›/]\\s*");
        String last = steps.length == 0 ? "" : steps[steps.length - 1].strip();
        return last.isEmpty() ? null : last;
    }

    static boolean endsArticle(String line) {
        return END_OF_ARTICLE.matcher(line).matches();
    }

    /** A box of text that opens with an end-of-article heading, as in "Bài viết khác: ...". */
    static boolean startsEndOfArticle(String text) {
        return STARTS_WITH_END.matcher(text).matches();
    }
}
