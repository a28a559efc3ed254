package dev.gmailserverauth.google;

import com.google.api.client.auth.oauth2.TokenErrorResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import dev.gmailserverauth.domain.error.ProviderConfigurationException;
import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import java.util.Set;

/** Reads the token endpoint's flat {@code {"error", "error_description"}} errors (oauth.md §5). */
final class TokenErrors {
    static final String INVALID_GRANT = "invalid_grant";
    /** Google's {@code error_description} when a Workspace session-control policy asks for a new sign-in (observed). */
    private static final String INVALID_RAPT = "invalid_rapt";
    private static final Set<String> CLIENT_ERRORS =
            Set.of("invalid_client", "unauthorized_client", "redirect_uri_mismatch", "invalid_request", "unsupported_grant_type",
                    "invalid_scope", "deleted_client");

    private TokenErrors() {
    }

    static String error(TokenResponseException e) {
        TokenErrorResponse details = e.getDetails();
        return details == null || details.getError() == null ? "" : details.getError();
    }

    /**
     * {@code invalid_grant} with {@code reauth related error (invalid_rapt)}: not a revocation, the person
     * must sign in again. Descriptions are not a stable API, so only the {@code invalid_rapt} marker is
     * matched; any other {@code invalid_grant} stays a revocation.
     */
    static boolean isReauthenticationRequired(TokenResponseException e) {
        TokenErrorResponse details = e.getDetails();
        return INVALID_GRANT.equals(error(e)) && details.getErrorDescription() != null
                && details.getErrorDescription().contains(INVALID_RAPT);
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
