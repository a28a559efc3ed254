package dev.gmailserverauth.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "https://mail.example.com/app", "HTTPS://EXAMPLE.COM"})
    void acceptsAbsoluteHttpUrlsWithAHost(String url) {
        assertThat(HttpUrls.isHttp(URI.create(url))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "ftp://example.com", "/relative/path", "file:///etc/passwd", "http:///no-host", "mailto:a@b.c"})
    void refusesEverythingElse(String url) {
        assertThat(HttpUrls.isHttp(URI.create(url))).isFalse();
        assertThatThrownBy(() -> HttpUrls.requireHttp(URI.create(url), "the thing")).hasMessageContaining("the thing must be an absolute http(s) URL");
    }

    @Test
    void aConsentUrlCanNeverBeAScriptLink() {
        assertThatThrownBy(() -> new AuthorizationUrl(URI.create("javascript:alert(1)"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trailingSlashesAreAddedOrRemovedOnce() {
        assertThat(HttpUrls.withTrailingSlash(URI.create("https://a.example/root"))).hasToString("https://a.example/root/");
        assertThat(HttpUrls.withTrailingSlash(URI.create("https://a.example/root/"))).hasToString("https://a.example/root/");
        assertThat(HttpUrls.withoutTrailingSlash("https://a.example/")).isEqualTo("https://a.example");
        assertThat(HttpUrls.withoutTrailingSlash("https://a.example")).isEqualTo("https://a.example");
    }
}
