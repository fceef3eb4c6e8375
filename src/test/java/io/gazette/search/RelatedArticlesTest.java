package io.gazette.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.gazette.search.SearchFixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

class RelatedArticlesTest {

    @Test
    void findsTheArticleSharingWordsAndTags() {
        Map<String, List<String>> related = new RelatedArticles(SearchFixtures.archive()).compute(5);
        assertThat(related).hasSize(SearchFixtures.archive().size());
        assertThat(related.get("2014/08/hoi-nghi-so-ket/")).first().isEqualTo("2015/01/tong-ket-nam-2014/");
        assertThat(related.get("2017/05/dua-thuyen/")).first().isEqualTo("2016/03/giai-dua-xe-dap/");
    }

    @Test
    void neverIncludesTheArticleItselfAndRespectsTheCount() {
        Map<String, List<String>> related = new RelatedArticles(bigArchive()).compute(5);
        related.forEach((url, others) -> {
            assertThat(others).doesNotContain(url).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(5);
        });
        assertThat(related.values()).allSatisfy(list -> assertThat(list).hasSize(5));
    }

    @Test
    void isDeterministicWhateverTheInputOrder() {
        List<SearchDocument> docs = bigArchive();
        Map<String, List<String>> first = new RelatedArticles(docs).compute(5);
        List<SearchDocument> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(new RelatedArticles(shuffled).compute(5)).isEqualTo(first);
    }

    @Test
    void equalScoresGoToTheNewerThenTheSmallerUrl() {
        List<SearchDocument> docs = List.of(
                doc("a/", "Giải đua thuyền", "Giải đua thuyền sông Hàn.", "2015-01-01", "Thể thao"),
                doc("c/", "Giải đua thuyền", "Giải đua thuyền sông Hàn.", "2016-01-01", "Thể thao"),
                doc("b/", "Giải đua thuyền", "Giải đua thuyền sông Hàn.", "2016-01-01", "Thể thao"),
                doc("src/", "Giải đua thuyền", "Giải đua thuyền sông Hàn.", "2014-01-01", "Thể thao"),
                doc("other/", "Vườn rau", "Trồng rau sạch.", "2020-01-01", "Nông nghiệp"),
                doc("other2/", "Vườn hoa", "Trồng hoa sạch.", "2020-01-01", "Nông nghiệp"));
        assertThat(new RelatedArticles(docs).compute(3).get("src/")).containsExactly("b/", "c/", "a/");
    }

    /** Articles generated from a few themes, so that each has several related ones. */
    static List<SearchDocument> bigArchive() {
        String[][] themes = {
                {"thi đua khen thưởng", "phong trào thi đua yêu nước", "Thi đua"},
                {"giải đua thuyền", "lễ hội sông nước miền Trung", "Thể thao"},
                {"an toàn giao thông", "đội mũ bảo hiểm khi đi xe máy", "Giao thông"},
                {"chuyển đổi số", "ứng dụng công nghệ thông tin", "Công nghệ"}};
        List<SearchDocument> docs = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 60; i++) {
            String[] theme = themes[i % themes.length];
            docs.add(doc(String.format("%d/bai-%02d/", 2010 + i % 7, i), "Tin " + theme[0] + " số " + i,
                    theme[1] + " " + theme[0] + " năm " + (2010 + random.nextInt(5)) + ". " + theme[1] + ".",
                    String.format("%d-%02d-%02d", 2010 + i % 7, 1 + i % 12, 1 + i % 28), theme[2]));
        }
        return docs;
    }
}
