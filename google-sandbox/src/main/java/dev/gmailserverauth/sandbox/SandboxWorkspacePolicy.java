package dev.gmailserverauth.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a Google Workspace admin decided for one managed account.
 *
 * @param hostedDomain   the organisation's domain: the {@code hd} of userinfo, ID tokens and the redirect back
 * @param reauthEvery    Google Cloud session control: the person must sign in again this long after they last
 *                       passed the authorization endpoint, until then refresh answers {@code invalid_rapt}
 * @param blockedClients client ids the admin blocked: the authorization endpoint shows {@code admin_policy_enforced}
 */
public record SandboxWorkspacePolicy(String hostedDomain, Optional<Duration> reauthEvery, Set<String> blockedClients) {
    /** The managed demo account: Dana at the Workspace organisation {@link #DEMO_DOMAIN}. */
    public static final String DEMO_ACCOUNT = "dana@corp.example";
    public static final String DEMO_DOMAIN = "corp.example";
    /** Default for the demo account's session control (Google's shortest sign-in frequency is one hour). */
    public static final Duration DEFAULT_REAUTH_EVERY = Duration.ofHours(1);

    public SandboxWorkspacePolicy {
        if (hostedDomain == null || !hostedDomain.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")) {
            throw new IllegalArgumentException("invalid hosted domain: " + hostedDomain);
        }
        Objects.requireNonNull(reauthEvery, "reauthEvery");
        reauthEvery.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("reauthEvery must be positive");
        });
        blockedClients = Set.copyOf(Objects.requireNonNull(blockedClients, "blockedClients"));
    }

    /** A managed account with no session control and no blocked app. */
    public static SandboxWorkspacePolicy managedBy(String hostedDomain) {
        return new SandboxWorkspacePolicy(hostedDomain, Optional.empty(), Set.of());
    }

    public SandboxWorkspacePolicy withReauthEvery(Duration interval) {
        return new SandboxWorkspacePolicy(hostedDomain, Optional.of(interval), blockedClients);
    }

    public SandboxWorkspacePolicy withoutReauth() {
        return new SandboxWorkspacePolicy(hostedDomain, Optional.empty(), blockedClients);
    }

    public SandboxWorkspacePolicy blocking(String clientId) {
        var blocked = new java.util.HashSet<>(blockedClients);
        blocked.add(clientId);
        return new SandboxWorkspacePolicy(hostedDomain, reauthEvery, blocked);
    }

    public boolean blocks(String clientId) {
        return blockedClients.contains(clientId);
    }
}
