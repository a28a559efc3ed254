package dev.gmailserverauth.google;

import com.google.api.client.googleapis.auth.oauth2.GoogleClientSecrets;
import com.google.api.client.json.gson.GsonFactory;
import dev.gmailserverauth.domain.model.HttpUrls;
import dev.gmailserverauth.domain.model.RedirectUri;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A {@code client_secrets.json} as downloaded from the Cloud Console ("web" or "installed" client),
 * read with Google's {@link GoogleClientSecrets} and checked field by field so that every problem
 * gets a message naming the file.
 */
record ClientSecretsFile(Path file, String section, String clientId, String clientSecret, List<String> redirectUris,
                         Optional<URI> authUri, Optional<URI> tokenUri) {

    static ClientSecretsFile load(Path file) {
        GoogleClientSecrets secrets = parse(file);
        boolean web = secrets.getWeb() != null;
        boolean installed = secrets.getInstalled() != null;
        if (!web && !installed) {
            throw problem(file, "has neither a \"web\" nor an \"installed\" client; download the OAuth client's JSON from the Cloud Console");
        }
        if (web && installed) throw problem(file, "has both a \"web\" and an \"installed\" client; keep only one");
        String section = web ? "web" : "installed";
        GoogleClientSecrets.Details details = web ? secrets.getWeb() : secrets.getInstalled();
        String clientId = requireField(file, section, "client_id", details.getClientId());
        String clientSecret = requireField(file, section, "client_secret", details.getClientSecret());
        List<String> redirectUris = details.getRedirectUris();
        if (redirectUris == null || redirectUris.isEmpty()) throw missing(file, section, "redirect_uris");
        return new ClientSecretsFile(file, section, clientId, clientSecret, List.copyOf(redirectUris),
                optionalUrl(file, "auth_uri", details.getAuthUri()), optionalUrl(file, "token_uri", details.getTokenUri()));
    }

    /** Fails unless the redirect URI is registered for this client, exactly as Google compares them. */
    void requireRedirectUri(RedirectUri redirectUri) {
        String wanted = redirectUri.value().toString();
        if (!redirectUris.contains(wanted)) {
            throw problem(file, "does not list the configured redirect URI " + wanted + " among its redirect_uris " + redirectUris
                    + "; register it for the OAuth client in the Cloud Console and download the file again");
        }
    }

    @Override
    public String toString() {
        return "ClientSecretsFile[file=" + file + ", section=" + section + ", clientId=" + clientId + ", clientSecret=***]";
    }

    private static GoogleClientSecrets parse(Path file) {
        if (!Files.exists(file)) throw problem(file, "does not exist");
        if (Files.isDirectory(file)) throw problem(file, "is a directory, not a JSON file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            GoogleClientSecrets secrets = GsonFactory.getDefaultInstance().fromReader(reader, GoogleClientSecrets.class);
            if (secrets == null) throw problem(file, "is empty");
            return secrets;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new GoogleConfigurationException(prefix(file) + " is not UTF-8 text", e);
        } catch (IOException e) {
            if (!Files.isReadable(file)) throw new GoogleConfigurationException(prefix(file) + " cannot be read: " + e.getMessage(), e);
            throw new GoogleConfigurationException(prefix(file) + " is not valid JSON: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new GoogleConfigurationException(prefix(file) + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String requireField(Path file, String section, String field, String value) {
        if (value == null || value.isBlank()) throw missing(file, section, field);
        return value;
    }

    private static Optional<URI> optionalUrl(Path file, String field, String value) {
        if (value == null || value.isBlank()) return Optional.empty();
        try {
            URI uri = new URI(value);
            if (HttpUrls.isHttp(uri)) return Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw problem(file, "has an \"" + field + "\" that is not an absolute http(s) URL: " + value);
    }

    private static GoogleConfigurationException missing(Path file, String section, String field) {
        return problem(file, "has no \"" + field + "\" in its \"" + section + "\" client");
    }

    private static GoogleConfigurationException problem(Path file, String what) {
        return new GoogleConfigurationException(prefix(file) + " " + what);
    }

    private static String prefix(Path file) {
        return "client_secrets file " + file.toAbsolutePath();
    }
}
