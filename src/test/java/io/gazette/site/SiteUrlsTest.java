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
}
