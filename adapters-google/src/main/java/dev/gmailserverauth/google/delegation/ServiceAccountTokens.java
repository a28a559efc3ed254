package dev.gmailserverauth.google.delegation;

import com.google.api.client.auth.oauth2.TokenErrorResponse;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.json.JsonFactory;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.ExpiringAccessToken;
import dev.gmailserverauth.domain.model.Impersonation;
import dev.gmailserverauth.domain.model.Scope;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens of the JWT-bearer grant with a person as {@code sub}, through google-auth-library's
 * {@link ServiceAccountCredentials} ({@code createScoped}, {@code createDelegated}, then one token request to the key
 * file's {@code token_uri}), and every documented refusal of Google's token endpoint as an {@link Impersonation}
 * (<a href="https://developers.google.com/identity/protocols/oauth2/service-account#error-codes">JWT error codes</a>).
 *
 * <p>A key Google no longer accepts stops delegation here and now: later requests get the same answer without a
 * call, until a new key file is installed (the application restarts with it). The rest of the application is not
 * affected.
 */
final class ServiceAccountTokens {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceAccountTokens.class);

    private final ServiceAccountCredentials serviceAccount;
    private final JsonFactory json;
    private final AtomicReference<Optional<Impersonation.KeyRejected>> stopped = new AtomicReference<>(Optional.empty());

    ServiceAccountTokens(ServiceAccountCredentials serviceAccount, JsonFactory json) {
        this.serviceAccount = serviceAccount;
        this.json = json;
    }

    String clientId() {
        return serviceAccount.getClientId();
    }

    String clientEmail() {
        return serviceAccount.getClientEmail();
    }

    /** A new token for {@code subject} with exactly these scopes, or the refusal. */
    Impersonation mint(EmailAddress subject, List<Scope> scopes) {
        Optional<Impersonation.KeyRejected> keyRejected = stopped.get();
        if (keyRejected.isPresent()) return keyRejected.get();
        GoogleCredentials delegated = serviceAccount.createScoped(scopes.stream().map(Scope::value).toList()).createDelegated(subject.value());
        try {
            com.google.auth.oauth2.AccessToken token = delegated.refreshAccessToken();
            if (token.getExpirationTime() == null) throw new ProviderUnavailableException("the token endpoint's answer has no expires_in");
            return new Impersonation.Granted(subject, new ExpiringAccessToken(new AccessToken(token.getTokenValue()),
                    token.getExpirationTime().toInstant()));
        } catch (IOException e) {
            return refusal(subject, scopes, e);
        }
    }

    private Impersonation refusal(EmailAddress subject, List<Scope> scopes, IOException e) {
        if (!(e.getCause() instanceof HttpResponseException response) || response.getStatusCode() >= 500 || response.getStatusCode() == 429) {
            throw new ProviderUnavailableException("Google's token endpoint did not answer the JWT-bearer grant for " + subject.value(), e);
        }
        TokenErrorResponse error = parse(response);
        String code = Optional.ofNullable(error.getError()).orElse("");
        String says = Optional.ofNullable(error.getErrorDescription()).orElse(code);
        Impersonation refusal = switch (code) {
            case "unauthorized_client", "access_denied" -> new Impersonation.NotDelegated(clientId(), scopes);
            case "invalid_client", "deleted_client", "disabled_client" -> new Impersonation.KeyRejected(clientEmail(), code + ": " + says);
            case "invalid_grant" -> invalidGrant(subject, says);
            default -> new Impersonation.Refused(code.isEmpty() ? "HTTP " + response.getStatusCode() : code, says);
        };
        if (refusal instanceof Impersonation.KeyRejected rejected) {
            stopped.set(Optional.of(rejected));
            LOG.error("domain-wide delegation stopped: {}", rejected.explanation());
        } else {
            LOG.warn("no token for {}: {}", subject.value(), refusal.explanation());
        }
        return refusal;
    }

    private Impersonation invalidGrant(EmailAddress subject, String says) {
        String lower = says.toLowerCase(Locale.ROOT);
        if (lower.contains("email") || lower.contains("user id")) return new Impersonation.UnknownUser(subject, says);
        if (lower.contains("'iat'") || lower.contains("short-lived") || lower.contains("timeframe")) return new Impersonation.ClockSkew(says);
        if (lower.contains("signature") || lower.contains("verifier")) return new Impersonation.KeyRejected(clientEmail(), says);
        return new Impersonation.Refused("invalid_grant", says);
    }

    private TokenErrorResponse parse(HttpResponseException response) {
        String content = Optional.ofNullable(response.getContent()).orElse("");
        try {
            TokenErrorResponse parsed = content.isBlank() ? null : json.fromString(content, TokenErrorResponse.class);
            return parsed == null ? new TokenErrorResponse() : parsed;
        } catch (IOException | IllegalArgumentException notJson) {
            return new TokenErrorResponse();
        }
    }
}
