package dev.gmailserverauth.google;

import com.google.api.client.auth.oauth2.TokenErrorResponse;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.UrlEncodedContent;
import com.google.api.client.json.JsonFactory;
import dev.gmailserverauth.domain.error.ProviderConfigurationException;
import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.port.AuthorizationProvider.Revocation;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /revoke} with the token in the form body (oauth.md §8), on google-http-client:
 * 200 means revoked; any 400 ({@code invalid_token}, but also {@code invalid_grant} and the like) means the
 * token is already unusable at Google, so there is nothing left to revoke. Any other refusal is a
 * configuration problem (a wrong revoke URL), reported as such.
 */
final class Revoker {
    private static final Logger LOG = LoggerFactory.getLogger(Revoker.class);

    private final HttpRequestFactory requests;
    private final JsonFactory json;
    private final GenericUrl revokeUrl;
    private final Retrier retrier;

    Revoker(HttpRequestFactory requests, JsonFactory json, GenericUrl revokeUrl, Retrier retrier) {
        this.requests = requests;
        this.json = json;
        this.revokeUrl = revokeUrl;
        this.retrier = retrier;
    }

    Revocation revoke(String token) {
        try {
            retrier.call("token revocation", () -> {
                HttpResponse response = requests.buildPostRequest(revokeUrl, new UrlEncodedContent(Map.of("token", token))).execute();
                response.disconnect();
                return response.getStatusCode();
            });
            return Revocation.REVOKED;
        } catch (HttpResponseException e) {
            String error = errorCode(e).orElse("");
            if (e.getStatusCode() == 400) {
                LOG.info("revocation: the token was already invalid ({})", error.isEmpty() ? "400" : error);
                return Revocation.ALREADY_INVALID;
            }
            throw new ProviderConfigurationException("the revoke endpoint refused the request: HTTP " + e.getStatusCode()
                    + (error.isEmpty() ? "" : " " + error) + ". Check the configured revoke URL");
        } catch (IOException e) {
            throw new ProviderUnavailableException("token revocation failed: " + GoogleFailure.of(e).describe(), e);
        }
    }

    private Optional<String> errorCode(HttpResponseException e) {
        String content = e.getContent();
        if (content == null || content.isBlank()) return Optional.empty();
        try {
            return Optional.ofNullable(json.fromString(content, TokenErrorResponse.class).getError());
        } catch (IOException | IllegalArgumentException notJson) {
            return Optional.empty();
        }
    }
}
