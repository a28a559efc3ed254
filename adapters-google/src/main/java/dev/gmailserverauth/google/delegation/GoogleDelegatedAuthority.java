package dev.gmailserverauth.google.delegation;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Profile;
import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.Impersonation;
import dev.gmailserverauth.domain.model.Scope;
import dev.gmailserverauth.domain.port.DelegatedAuthority;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DelegatedAuthority} on Google: a Gmail read-only token minted for the person ({@link ServiceAccountTokens}),
 * then proven to open that person's mailbox. Gmail's {@code users.getProfile} must name the impersonated subject;
 * when it names anyone else (the subject silently dropped, a credential that ignores {@code createDelegated}, a
 * misrouting proxy) the token is refused loudly and never handed out, so nothing read with it can be stored.
 */
public final class GoogleDelegatedAuthority implements DelegatedAuthority {
    /** The scopes of a delegated mailbox token, exactly as the administrator must list them. */
    public static final List<Scope> GMAIL_SCOPES = List.of(Scope.GMAIL_READONLY);
    private static final Logger LOG = LoggerFactory.getLogger(GoogleDelegatedAuthority.class);

    private final ServiceAccountTokens tokens;
    private final Gmail gmail;

    GoogleDelegatedAuthority(ServiceAccountTokens tokens, Gmail gmail) {
        this.tokens = tokens;
        this.gmail = gmail;
    }

    @Override
    public Impersonation impersonate(EmailAddress subject) {
        Impersonation minted = tokens.mint(subject, GMAIL_SCOPES);
        return minted.fold(this::provenMailbox, n -> n, u -> u, c -> c, k -> k, w -> w, r -> r);
    }

    private Impersonation provenMailbox(Impersonation.Granted granted) {
        EmailAddress subject = granted.subject();
        Optional<String> answeredFor;
        try {
            Gmail.Users.GetProfile request = gmail.users().getProfile("me").setFields("emailAddress");
            request.getRequestHeaders().setAuthorization("Bearer " + granted.token().token().value());
            answeredFor = Optional.ofNullable(request.execute()).map(Profile::getEmailAddress);
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() >= 500 || e.getStatusCode() == 429) {
                throw new ProviderUnavailableException("Gmail did not answer getProfile for " + subject.value(), e);
            }
            String reason = e.getDetails() == null || e.getDetails().getErrors() == null || e.getDetails().getErrors().isEmpty()
                    ? "HTTP " + e.getStatusCode() : e.getDetails().getErrors().get(0).getReason();
            String says = e.getDetails() == null ? e.getStatusMessage() : e.getDetails().getMessage();
            LOG.error("a delegated token for {} does not open that mailbox ({}: {}); refused", subject.value(), reason, says);
            return new Impersonation.Refused(reason, "Gmail refused the token minted for " + subject.value() + ": " + says);
        } catch (IOException e) {
            throw new ProviderUnavailableException("Gmail did not answer getProfile for " + subject.value(), e);
        }
        if (answeredFor.isEmpty() || !answeredFor.get().toLowerCase(Locale.ROOT).equals(subject.value().toLowerCase(Locale.ROOT))) {
            EmailAddress other = new EmailAddress(answeredFor.orElse("unknown@unknown.invalid"));
            LOG.error("WRONG MAILBOX: Gmail answered for {} with the token minted for {}; the token is refused", other.value(), subject.value());
            return new Impersonation.WrongMailbox(subject, other);
        }
        return granted;
    }

    /** The service account's numeric client ID, which the administrator enters under Domain-wide delegation. */
    public String clientId() {
        return tokens.clientId();
    }
}
