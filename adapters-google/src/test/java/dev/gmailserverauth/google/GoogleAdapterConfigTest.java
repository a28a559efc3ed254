package dev.gmailserverauth.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoogleAdapterConfigTest {

    @Test
    void forGoogleUsesGooglesPublishedEndpointsAndDefaultTimeouts() {
        GoogleAdapterConfig config = GoogleAdapterConfig.forGoogle("id", "secret");
        assertThat(config.authorizationUrl()).hasToString("https://accounts.google.com/o/oauth2/v2/auth");
        assertThat(config.tokenUrl()).hasToString("https://oauth2.googleapis.com/token");
        assertThat(config.revokeUrl()).hasToString("https://oauth2.googleapis.com/revoke");
        assertThat(config.userinfoRootUrl()).hasToString("https://www.googleapis.com/");
        assertThat(config.gmailRootUrl()).hasToString("https://gmail.googleapis.com/");
        assertThat(config.batchUrl()).hasToString("https://gmail.googleapis.com/batch/gmail/v1");
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
    }

    @Test
    void forSandboxPutsGooglesPathsUnderTheBaseUrl() {
        GoogleAdapterConfig config = GoogleAdapterConfig.forSandbox(URI.create("http://127.0.0.1:9090"), "id", "secret");
        assertThat(config.authorizationUrl()).hasToString("http://127.0.0.1:9090/o/oauth2/v2/auth");
        assertThat(config.tokenUrl()).hasToString("http://127.0.0.1:9090/token");
        assertThat(config.revokeUrl()).hasToString("http://127.0.0.1:9090/revoke");
        assertThat(config.userinfoRootUrl()).hasToString("http://127.0.0.1:9090/");
        assertThat(config.gmailRootUrl()).hasToString("http://127.0.0.1:9090/");
        assertThat(config.batchUrl()).hasToString("http://127.0.0.1:9090/batch/gmail/v1");
    }

    @Test
    void theSecretNeverShowsInToString() {
        assertThat(GoogleAdapterConfig.forGoogle("id", "GOCSPX-topsecret").toString()).doesNotContain("topsecret").contains("***");
    }

    @Test
    void blankCredentialsAndRelativeUrlsAreRejected() {
        assertThatThrownBy(() -> GoogleAdapterConfig.forGoogle(" ", "s")).hasMessageContaining("client id");
        assertThatThrownBy(() -> GoogleAdapterConfig.forGoogle("id", "s").withTokenUrl(URI.create("/token")))
                .hasMessageContaining("token url");
        assertThatThrownBy(() -> GoogleAdapterConfig.forGoogle("id", "s").withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("connect timeout");
    }
}
