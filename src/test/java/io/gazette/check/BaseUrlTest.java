package io.gazette.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BaseUrlTest {

    @Test
    void pagesUrlWithoutTrailingSlashGetsOne() {
        BaseUrl base = BaseUrl.parse("https://Owner.GitHub.io/repo");

        assertThat(base.uri()).hasToString("https://owner.github.io/repo/");
        assertThat(base.path()).isEqualTo("/repo/");
    }

    @Test
    void sitePathIsTheDecodedPathUnderTheBasePath() {
        BaseUrl base = BaseUrl.parse("https://host/archive/");

        assertThat(base.sitePath(URI.create("https://host/archive/2014/08/slug/"))).contains("2014/08/slug/");
        assertThat(base.sitePath(URI.create("https://host/archive/"))).contains("");
        assertThat(base.sitePath(URI.create("https://host/archive"))).contains("");
        assertThat(base.sitePath(URI.create("https://host/archive/%E1%BA%A3nh%20a.jpg"))).contains("ảnh a.jpg");
        assertThat(base.sitePath(URI.create("http://HOST:80/archive/a/"))).contains("a/");
    }

    @Test
    void otherHostsPortsAndPathsAreNotTheSite() {
        BaseUrl base = BaseUrl.parse("https://host/archive/");

        assertThat(base.sitePath(URI.create("https://host/x/"))).isEmpty();
        assertThat(base.sitePath(URI.create("https://host/archived/"))).isEmpty();
        assertThat(base.sitePath(URI.create("https://host:8443/archive/"))).isEmpty();
        assertThat(base.sitePath(URI.create("https://other/archive/"))).isEmpty();
        assertThat(base.sameHost(URI.create("https://host/x/"))).isTrue();
    }

    @Test
    void urlOfEncodesFileNames() {
        BaseUrl base = BaseUrl.parse("https://host/archive/");

        assertThat(base.urlOf("images/ảnh a.jpg")).hasToString("https://host/archive/images/%E1%BA%A3nh%20a.jpg");
        assertThat(base.urlOf("")).hasToString("https://host/archive/");
    }

    @Test
    void relativeOrNonHttpBaseUrlsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> BaseUrl.parse("example.org")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be absolute");
        assertThatThrownBy(() -> BaseUrl.parse("ftp://example.org/")).hasMessageContaining("must be absolute");
        assertThatThrownBy(() -> BaseUrl.parse("https://example.org/?x=1")).hasMessageContaining("query");
        assertThatThrownBy(() -> BaseUrl.parse(" ")).hasMessageContaining("empty");
    }
}
