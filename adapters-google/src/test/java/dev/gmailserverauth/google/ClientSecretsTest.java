package dev.gmailserverauth.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.domain.model.RedirectUri;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSecretsTest {
    private static final RedirectUri REDIRECT = RedirectUri.of("https://app.example.com/oauth2callback");
    private static final String WEB = """
            {"web": {
              "client_id": "123-abc.apps.googleusercontent.com",
              "project_id": "my-gmail-project",
              "auth_uri": "https://accounts.google.com/o/oauth2/auth",
              "token_uri": "https://oauth2.googleapis.com/token",
              "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
              "client_secret": "GOCSPX-supersecret",
              "redirect_uris": ["https://app.example.com/oauth2callback", "http://localhost:8080/oauth2callback"],
              "javascript_origins": ["https://app.example.com"]
            }}""";

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("client_secrets.json"), content);
    }

    @Test
    void aWebClientGivesGooglesEndpointsWithTheFilesAuthAndTokenUri() throws IOException {
        GoogleAdapterConfig config = GoogleAdapterConfig.fromClientSecrets(file(WEB), REDIRECT);
        assertThat(config.clientId()).isEqualTo("123-abc.apps.googleusercontent.com");
        assertThat(config.clientSecret()).isEqualTo("GOCSPX-supersecret");
        assertThat(config.authorizationUrl()).isEqualTo(URI.create("https://accounts.google.com/o/oauth2/auth"));
        assertThat(config.tokenUrl()).isEqualTo(URI.create("https://oauth2.googleapis.com/token"));
        assertThat(config.gmailRootUrl()).isEqualTo(URI.create("https://gmail.googleapis.com/"));
        assertThat(config.toString()).doesNotContain("supersecret");
    }

    @Test
    void anInstalledClientIsAcceptedAndMissingEndpointsDefaultToGoogles() throws IOException {
        Path file = file("""
                {"installed": {"client_id": "id-1", "client_secret": "s", "redirect_uris": ["http://localhost"]}}""");
        GoogleAdapterConfig config = GoogleAdapterConfig.fromClientSecrets(file, RedirectUri.of("http://localhost"));
        assertThat(config.authorizationUrl()).isEqualTo(GoogleAdapterConfig.GOOGLE_AUTHORIZATION_URL);
        assertThat(config.tokenUrl()).isEqualTo(GoogleAdapterConfig.GOOGLE_TOKEN_URL);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> GoogleAdapterConfig.fromClientSecrets(missing, REDIRECT))
                .isInstanceOf(GoogleConfigurationException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void aFileThatIsNotJsonIsNamed() throws IOException {
        Path file = file("client_id=abc\n");
        assertThatThrownBy(() -> GoogleAdapterConfig.fromClientSecrets(file, REDIRECT))
                .isInstanceOf(GoogleConfigurationException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("is not valid JSON");
    }

    @Test
    void truncatedJsonIsNotValidJson() throws IOException {
        Path file = file(WEB.substring(0, 80));
        assertThatThrownBy(() -> GoogleAdapterConfig.fromClientSecrets(file, REDIRECT)).hasMessageContaining("is not valid JSON");
    }

    @Test
    void anEmptyFileIsReported() throws IOException {
        Path file = file("");
        assertThatThrownBy(() -> GoogleAdapterConfig.fromClientSecrets(file, REDIRECT))
                .isInstanceOf(GoogleConfigurationException.class)
                .hasMessageContaining(file.toAbsolutePath().toString());
    }

    @Test
    void neitherWebNorInstalledIsReported() throws IOException {
        Path file = file("""
                {"type": "service_account", "client_id": "x"}""");
        assertThatThrownBy(() -> GoogleAdapterConfig.fromClientSecrets(file, REDIRECT))
                .isInstanceOf(GoogleConfigurationException.class)
                .hasMessageContaining("neither a \"web\" nor an \"installed\" client");
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        Path file = file(WEB.replace("\"client_secret\": \"GOCSPX-supersecret\",", ""));
        assertThatThrownBy(() -> GoogleAdapterConfig.fromClientSecrets(file, REDIRECT))
                .isInstanceOf(GoogleConfigurationException.class)
                .hasMessageContaining("has no \"client_secret\" in its \"web\" client");
    }

    @Test
    void missingRedirectUrisAreNamed() throws IOException {
        Path file = file("""
                {"web": {"client_id": "id", "client_secret": "s"}}""");
        assertThatThrownBy(() -> GoogleAdapterConfig.fromClientSecrets(file, REDIRECT)).hasMessageContaining("has no \"redirect_uris\"");
    }

    @Test
    void aRedirectUriThatIsNotRegisteredIsNamedWithTheRegisteredOnes() throws IOException {
        Path file = file(WEB);
        assertThatThrownBy(() -> GoogleAdapterConfig.fromClientSecrets(file, RedirectUri.of("https://app.example.com/oauth2callback/")))
                .isInstanceOf(GoogleConfigurationException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("https://app.example.com/oauth2callback/")
                .hasMessageContaining("http://localhost:8080/oauth2callback")
                .hasMessageNotContaining("supersecret");
    }

    @Test
    void aBrokenTokenUriIsNamed() throws IOException {
        Path file = file(WEB.replace("https://oauth2.googleapis.com/token", "oauth2.googleapis.com/token"));
        assertThatThrownBy(() -> GoogleAdapterConfig.fromClientSecrets(file, REDIRECT)).hasMessageContaining("\"token_uri\"");
    }

    @Test
    void aDirectoryIsNotAFile() {
        assertThatThrownBy(() -> GoogleAdapterConfig.fromClientSecrets(dir, REDIRECT)).hasMessageContaining("is a directory");
    }
}
