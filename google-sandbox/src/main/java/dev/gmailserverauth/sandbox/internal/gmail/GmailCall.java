package dev.gmailserverauth.sandbox.internal.gmail;

import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.oauth.OAuthScopes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A Gmail call that got past the fault board and authorization: what runs for its owner once it holds a
 * concurrency slot and its quota units are charged.
 *
 * @param scopes the scopes the access token was granted
 * @param delay an injected {@code Delay} fault, spent while the call holds its slot
 */
public record GmailCall(ApiRequest request, GmailRoute route, Account owner, List<String> scopes, Duration delay) {
    public GmailCall {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(owner, "owner");
        scopes = List.copyOf(scopes);
        if (delay == null || delay.isNegative()) throw new IllegalArgumentException("delay must be >= 0");
    }

    public Endpoint endpoint() {
        return route.endpoint();
    }

    /** {@code gmail.metadata} is the token's only Gmail scope: no {@code q}, no full or raw format. */
    public boolean metadataOnly() {
        return OAuthScopes.metadataOnly(scopes);
    }
}
