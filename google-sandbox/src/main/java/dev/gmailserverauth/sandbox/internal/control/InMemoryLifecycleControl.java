package dev.gmailserverauth.sandbox.internal.control;

import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.sandbox.SandboxLifecycleControl;
import dev.gmailserverauth.sandbox.SandboxObservation;
import dev.gmailserverauth.sandbox.SandboxRiscDelivery;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent;
import dev.gmailserverauth.sandbox.SandboxWorkspacePolicy;
import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import dev.gmailserverauth.sandbox.internal.oauth.AppAccessRemoval;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@link SandboxLifecycleControl} on the sandbox's state; {@link InMemoryControl} extends it. */
abstract class InMemoryLifecycleControl implements SandboxLifecycleControl {
    private final SandboxState lifecycle;
    private final AppAccessRemoval removal;

    protected InMemoryLifecycleControl(SandboxState state) {
        this.lifecycle = state;
        this.removal = new AppAccessRemoval(state);
    }

    @Override public String issuer() {
        return lifecycle.identity().issuer().oidc();
    }

    @Override public String riscIssuer() {
        return lifecycle.identity().issuer().risc();
    }

    @Override public void setPublishingStatus(String clientId, SandboxClient.PublishingStatus status) {
        lifecycle.identity().publishing().set(clientId, Objects.requireNonNull(status, "status"));
    }

    @Override public void observe(SandboxObservation observation, boolean on) {
        lifecycle.oauth().observations().set(Objects.requireNonNull(observation, "observation"), on);
    }

    @Override public Set<SandboxObservation> observations() {
        return lifecycle.oauth().observations().all();
    }

    @Override public void setWorkspacePolicy(String email, SandboxWorkspacePolicy policy) {
        lifecycle.identity().workspace().set(account(email).id(), Objects.requireNonNull(policy, "policy"));
    }

    @Override public Optional<SandboxWorkspacePolicy> workspacePolicy(String email) {
        return lifecycle.identity().workspace().policy(account(email).id());
    }

    @Override public void requireReauthentication(String email) {
        lifecycle.identity().workspace().requireReauthentication(account(email).id());
    }

    @Override public boolean removeAppAccess(String email, String clientId) {
        if (lifecycle.client(clientId).isEmpty()) throw new IllegalArgumentException("no such client: " + clientId);
        return removal.remove(account(email), clientId);
    }

    @Override public void registerRiscReceiver(URI receiver) {
        lifecycle.identity().riscStream().register(Objects.requireNonNull(receiver, "receiver"));
    }

    @Override public void registerRiscReceiver(URI receiver, List<SandboxSecurityEvent.Type> eventsRequested) {
        lifecycle.identity().riscStream().register(Objects.requireNonNull(receiver, "receiver"),
                eventsRequested.isEmpty() ? EnumSet.noneOf(SandboxSecurityEvent.Type.class) : EnumSet.copyOf(eventsRequested));
    }

    @Override public void unregisterRiscReceiver() {
        lifecycle.identity().riscStream().unregister();
    }

    @Override public SandboxRiscDelivery pushSecurityEvent(SandboxSecurityEvent event) {
        return pushSecurityEvent(event, SandboxSecurityEvent.Tampering.NONE);
    }

    @Override public SandboxRiscDelivery pushSecurityEvent(SandboxSecurityEvent event, SandboxSecurityEvent.Tampering tampering) {
        Objects.requireNonNull(event, "event");
        event.email().ifPresent(this::account);
        return lifecycle.identity().risc().push(event, Objects.requireNonNull(tampering, "tampering"));
    }

    @Override public SandboxRiscDelivery replaySecurityEvent(String jti) {
        return lifecycle.identity().risc().replay(Objects.requireNonNull(jti, "jti"));
    }

    @Override public List<SandboxRiscDelivery> riscDeliveries() {
        return lifecycle.identity().risc().deliveries();
    }

    @Override public void rotateSigningKey() {
        lifecycle.identity().keys().rotate();
    }

    private Account account(String email) {
        return lifecycle.accounts().require(Objects.requireNonNull(email, "email"));
    }
}
