package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import java.util.Objects;
import java.util.function.Function;

/** What asking for a fresh access token came to ({@link TokenRenewal}). */
public sealed interface Renewal {
    /** Takes this apart: runs the one function for its case. */
    <R> R fold(Function<Renewed, R> renewed, Function<Denied, R> denied);

    /** A token the provider has not refused (refreshed now, or already replaced by another request). */
    record Renewed(AccessToken token) implements Renewal {
        public Renewed {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public <R> R fold(Function<Renewed, R> renewed, Function<Denied, R> denied) {
            return renewed.apply(this);
        }
    }

    /** No token to be had: the grant was revoked, has ended, or wants the person to sign in again. */
    record Denied(ConsentRequired consent) implements Renewal {
        public Denied {
            Objects.requireNonNull(consent, "consent");
        }

        @Override
        public <R> R fold(Function<Renewed, R> renewed, Function<Denied, R> denied) {
            return denied.apply(this);
        }
    }
}
