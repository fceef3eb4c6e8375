package io.gazette.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class SiteUrlsTest {
    @Test
    void anArticlesUrlHasItsDateZeroPaddedAsThePermalinkSays() {
        SiteUrls urls = new SiteUrls("https://example.org/", "/", "/:year/:month/:day/:slug/");
        assertThat(urls.article(ZonedDateTime.parse("2014-08-05T09:30+07:00[Asia/Ho_Chi_Minh]"), "hoi-nghi"))
                .isEqualTo("2014/08/05/hoi-nghi/");
        assertThat(urls.article(ZonedDateTime.parse("0987-12-25T00:00Z"), "xua")).isEqualTo("0987/12/25/xua/");
        assertThat(urls.article(ZonedDateTime.parse("+12345-01-31T00:00Z"), "xa")).isEqualTo("12345/01/31/xa/");
    }

    /**
     * The permalink is cut into parts once and filled in one pass: each placeholder, wherever and
     * however often it stands, beside text that only looks like one, and a slug that spells one,
     * gives what replacing the placeholders one after the other (year, month, day, slug) gives.
     */
    @Test
    void aPermalinkFilledInOnePassIsThePermalinkWithEachPlaceholderReplacedInTurn() {
        ZonedDateTime date = ZonedDateTime.parse("2014-08-05T09:30+07:00[Asia/Ho_Chi_Minh]");
        for (String permalink : java.util.List.of("/:year/:month/:slug/", "/:slug", ":slug/:year/:day/:month",
                "/tin/:year-:month-:day/:slug.html", "/:yea:year/:mo:month/:days/:slug:slug/", "/a::slug::/",
                "/:yearmonth/:slugs/:sl/:slug/", "//:year//:slug/")) {
            for (String slug : java.util.List.of("hoi-nghi", ":year", ":month-x")) {
                String replacedInTurn = permalink.replace(":year", "2014").replace(":month", "08")
                        .replace(":day", "05").replace(":slug", slug);
                SiteUrls urls = new SiteUrls("https://example.org/", "/", permalink);
                assertThat(urls.article(date, slug)).as(permalink + " with slug " + slug)
                        .isEqualTo(io.gazette.content.UrlPaths.normalise(replacedInTurn));
            }
        }
    }
}
