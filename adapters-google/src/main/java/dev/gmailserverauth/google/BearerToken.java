package dev.gmailserverauth.google;

import com.google.api.client.googleapis.services.AbstractGoogleClientRequest;
import dev.gmailserverauth.domain.model.AccessToken;

/**
 * Puts the caller's access token on one request as {@code Authorization: Bearer}.
 *
 * <p>The classic helper, {@code GoogleCredential}, is deprecated; its replacement is google-auth-library's
 * {@code UserCredentials} behind an {@code HttpCredentialsAdapter}. Both refresh tokens by themselves,
 * which is exactly what these adapters must not do: the use case refreshes once under a lock and
 * retries. So the clients are built without any credential and each request carries the domain's
 * {@link AccessToken} as a plain header; a 401 comes back to the caller unchanged.
 */
final class BearerToken {
    private BearerToken() {
    }

    static <R extends AbstractGoogleClientRequest<?>> R on(R request, AccessToken token) {
        request.getRequestHeaders().setAuthorization("Bearer " + token.value());
        return request;
    }
}
