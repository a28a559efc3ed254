package dev.gmailserverauth.sandbox.internal;

import dev.gmailserverauth.sandbox.SandboxWorkspacePolicy;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Managed (Workspace) accounts and their admin's policy, and when each person last passed the authorization
 * endpoint, which Google Cloud session control counts from. Keyed by Google user id. Thread-safe.
 */
public final class WorkspacePolicies {
    private final Map<String, SandboxWorkspacePolicy> policies = new HashMap<>();
    private final Map<String, Instant> lastSignIn = new HashMap<>();
    private final Set<String> reauthRequired = new HashSet<>();

    public synchronized void set(String userId, SandboxWorkspacePolicy policy) {
        policies.put(userId, policy);
    }

    public synchronized Optional<SandboxWorkspacePolicy> policy(String userId) {
        return Optional.ofNullable(policies.get(userId));
    }

    public Optional<String> hostedDomain(String userId) {
        return policy(userId).map(SandboxWorkspacePolicy::hostedDomain);
    }

    /** The person went through sign-in and consent: session control starts again, a forced re-authentication is done. */
    public synchronized void signedIn(String userId, Instant at) {
        lastSignIn.put(userId, at);
        reauthRequired.remove(userId);
    }

    /** Until the next {@link #signedIn}, refresh answers invalid_rapt. */
    public synchronized void requireReauthentication(String userId) {
        reauthRequired.add(userId);
    }

    /** Whether a refresh for this person must answer invalid_rapt now. */
    public synchronized boolean reauthenticationDue(String userId, Instant now) {
        if (reauthRequired.contains(userId)) return true;
        SandboxWorkspacePolicy policy = policies.get(userId);
        if (policy == null || policy.reauthEvery().isEmpty()) return false;
        Instant last = lastSignIn.get(userId);
        return last == null || !now.isBefore(last.plus(policy.reauthEvery().get()));
    }
}
