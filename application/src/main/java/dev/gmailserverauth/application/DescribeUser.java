package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.port.CredentialRepository;
import java.util.Objects;
import java.util.Optional;

/** Who a signed-in user is, from what is stored: no provider call. */
public final class DescribeUser {
    private final CredentialRepository credentials;

    public DescribeUser(CredentialRepository credentials) {
        this.credentials = Objects.requireNonNull(credentials);
    }

    public Optional<UserIdentity> describe(UserId user) {
        return credentials.findByUserId(user).map(c -> new UserIdentity(c.userId(), c.email()));
    }
}
