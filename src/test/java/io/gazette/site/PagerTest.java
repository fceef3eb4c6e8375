package io.gazette.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Pages numbered from the oldest article: older pages keep their articles as newer ones arrive. */
class PagerTest {
    /** Articles 1..n, newest first (as lists hold them): n, n-1, …, 1. */
    private static List<Integer> newestFirst(int n) {
        return IntStream.rangeClosed(1, n).map(i -> n + 1 - i).boxed().toList();
    }

    @Test
    void theFirstPageHoldsOneToTwoPagesOfTheNewestAndNumberedPagesFullOnesFromTheOldest() {
        for (int size = 1; size <= 7; size++) {
            for (int n = 0; n <= 60; n++) {
                List<Integer> list = newestFirst(n);
                int numbered = Pager.numberedPages(n, size);
                assertThat(Pager.pageCount(n, size)).isEqualTo(numbered + 1);
                List<Integer> first = Pager.itemsOf(list, size, 0);
                assertThat(first.size()).as("n=%d size=%d", n, size)
                        .isBetween(n < size ? n : size, n < size ? n : 2 * size - 1);
                // The pages in reading order (first, then numbered from the newest) are the list.
                List<Integer> all = new ArrayList<>(first);
                for (int k = numbered; k >= 1; k--) {
                    int lo = (k - 1) * size + 1;
                    int hi = k * size;
                    List<Integer> page = Pager.itemsOf(list, size, k);
                    assertThat(page).hasSize(size);
                    // numbered page k holds the articles (k-1)·size+1 … k·size counted from the oldest
                    assertThat(page).isEqualTo(IntStream.rangeClosed(lo, hi).map(i -> hi + lo - i).boxed().toList());
                    all.addAll(page);
                }
                assertThat(all).isEqualTo(list);
            }
        }
    }

    @Test
    void aNewArticleChangesNoNumberedPageThatAlreadyExisted() {
        for (int size = 1; size <= 7; size++) {
            for (int n = 0; n <= 60; n++) {
                int before = Pager.numberedPages(n, size);
                int after = Pager.numberedPages(n + 1, size);
                assertThat(after).isBetween(before, before + 1);
                for (int k = 1; k <= before; k++) {
                    assertThat(Pager.itemsOf(newestFirst(n + 1), size, k)).isEqualTo(Pager.itemsOf(newestFirst(n), size, k));
                }
            }
        }
    }

    @Test
    void numberedPagesLiveUnderTrangAndTheFirstPageAtTheListsOwnUrl() {
        SiteUrls urls = new SiteUrls("https://example.org/", "/", "/:year/:month/:slug/");
        assertThat(urls.page("tu-khoa/hoi-nghi/", 0)).isEqualTo("tu-khoa/hoi-nghi/");
        assertThat(urls.page("tu-khoa/hoi-nghi/", 1)).isEqualTo("tu-khoa/hoi-nghi/trang/1/");
        assertThat(urls.page("", 12)).isEqualTo("trang/12/");
    }
}
