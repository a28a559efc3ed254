package dev.gmailserverauth.google;

import com.google.api.client.auth.oauth2.TokenErrorResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import dev.gmailserverauth.domain.error.ProviderConfigurationException;
import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import java.util.Set;

/** Reads the token endpoint's flat {@code {"error", "error_description"}} errors (oauth.md §5). */
final class TokenErrors {
    static final String INVALID_GRANT = "invalid_grant";
    private static final Set<String> CLIENT_ERRORS =
            Set.of("invalid_client", "unauthorized_client", "redirect_uri_mismatch", "invalid_request", "unsupported_grant_type",
                    "invalid_scope", "deleted_client");

    private TokenErrors() {
    }

    static String error(TokenResponseException e) {
        TokenErrorResponse details = e.getDetails();
        return details == null || details.getError() == null ? "" : details.getError();
    }

    static String describe(TokenResponseException e) {
        TokenErrorResponse details = e.getDetails();
        if (details == null || details.getError() == null) return "HTTP " + e.getStatusCode();
        String description = details.getErrorDescription();
        return details.getError() + (description == null || description.isBlank() ? "" : " (" + description + ")");
    }

    /**
     * Any token-endpoint error other than {@code invalid_grant} (which the caller turns into an outcome):
     * the client configuration is wrong, or Google answered something no retry will fix.
     */
    static RuntimeException other(String operation, TokenResponseException e) {
        String error = error(e);
        if (CLIENT_ERRORS.contains(error) || e.getStatusCode() == 401) {
            return new ProviderConfigurationException("Google rejected this OAuth client during " + operation + ": " + describe(e)
                    + ". Check the client id, the client secret and the registered redirect URIs (client_secrets.json)");
        }
        if (e.getStatusCode() >= 400 && e.getStatusCode() < 500 && e.getStatusCode() != 429) {
            return new ProviderConfigurationException("the token endpoint refused " + operation + ": " + describe(e)
                    + ". Check the configured token URL");
        }
        return new ProviderUnavailableException(operation + " failed: " + describe(e), e);
    }
}
