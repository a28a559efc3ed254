package dev.gmailserverauth.sandbox.internal.oauth;

import dev.gmailserverauth.sandbox.SandboxSecurityEvent;
import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The person removes an app's access on their Google Account page: the grant goes (every token, as {@code /revoke})
 * and Google tells the app's registered receiver with {@code tokens-revoked}, but only if the person had granted
 * {@code email} or {@code profile}: Cross-Account Protection sends nothing about anyone else.
 */
public final class AppAccessRemoval {
    private static final Logger LOG = LoggerFactory.getLogger(AppAccessRemoval.class);
    private final SandboxState state;

    public AppAccessRemoval(SandboxState state) {
        this.state = state;
    }

    /** Returns whether there was a grant to remove. */
    public boolean remove(Account account, String clientId) {
        Optional<OAuthStore.GrantView> removed = state.oauth().revokeGrant(clientId, account.id());
        removed.ifPresent(grant -> LOG.debug("user {} removed the access of client {}", account.id(), clientId));
        removed.filter(grant -> grant.scopes().contains(OAuthScopes.EMAIL) || grant.scopes().contains(OAuthScopes.PROFILE))
                .ifPresent(grant -> state.identity().risc()
                        .pushInBackground(SandboxSecurityEvent.tokensRevoked(account.email()).withAudience(clientId)));
        return removed.isPresent();
    }
}
