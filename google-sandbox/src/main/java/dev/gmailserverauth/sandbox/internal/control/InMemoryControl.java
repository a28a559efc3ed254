package dev.gmailserverauth.sandbox.internal.control;

import dev.gmailserverauth.sandbox.Counters;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.Fault;
import dev.gmailserverauth.sandbox.LimitUsage;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxHistoryControl;
import dev.gmailserverauth.sandbox.SandboxPubSubControl;
import dev.gmailserverauth.sandbox.internal.pubsub.InMemoryPubSubControl;
import dev.gmailserverauth.sandbox.internal.history.InMemoryHistoryControl;
import dev.gmailserverauth.sandbox.SandboxLimits;
import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** {@link SandboxControl} on the sandbox's state. */
public final class InMemoryControl extends InMemoryLifecycleControl implements SandboxControl {
    private final SandboxState state;
    private final List<String> demoAccounts;
    private final SandboxHistoryControl history;
    private final SandboxPubSubControl pubSub;

    public InMemoryControl(SandboxState state, List<String> demoAccounts) {
        super(state);
        this.state = state;
        this.demoAccounts = List.copyOf(demoAccounts);
        this.history = new InMemoryHistoryControl(state);
        this.pubSub = new InMemoryPubSubControl(state.pubSub());
    }

    @Override public String addAccount(String email, String displayName) {
        return state.addAccount(email, displayName).id();
    }

    @Override public String addMessage(String email, SandboxMessage message) {
        Objects.requireNonNull(message, "message");
        return state.mailbox(state.accounts().require(email)).add(message);
    }

    @Override public List<String> demoAccounts() {
        return demoAccounts;
    }

    @Override public List<String> accounts() {
        return state.accounts().all().stream().map(Account::email).toList();
    }

    @Override public String userId(String email) {
        return state.accounts().require(email).id();
    }

    @Override public void expireAccessTokens(String email) {
        state.oauth().expireAccessTokensOf(state.accounts().require(email).id());
    }

    @Override public void revokeGrants(String email) {
        state.oauth().revokeAllOf(state.accounts().require(email).id());
    }

    @Override public void injectFault(Endpoint endpoint, int times, Fault fault) {
        if (fault instanceof Fault.RedirectError && endpoint != Endpoint.AUTHORIZE) {
            throw new IllegalArgumentException("a redirect error is a fault of the authorization endpoint only");
        }
        state.faults().inject(Objects.requireNonNull(endpoint, "endpoint"), times, Objects.requireNonNull(fault, "fault"));
    }

    @Override public void clearFaults() {
        state.faults().clearFaults();
    }

    @Override public void setLatency(Duration perRequest) {
        state.faults().setLatency(perRequest);
    }

    @Override public void setAccessTokenLifetime(Duration lifetime) {
        state.oauth().setAccessTokenLifetime(lifetime);
    }

    @Override public void advanceClock(Duration amount) {
        state.clock().advance(amount);
    }

    @Override public Counters counters() {
        return state.faults().snapshot();
    }

    @Override public void resetCounters() {
        state.faults().reset();
    }

    @Override public SandboxLimits limits() {
        return state.limits().limits();
    }

    @Override public void setLimits(SandboxLimits limits) {
        state.limits().set(Objects.requireNonNull(limits, "limits"));
    }

    @Override public void resetLimits() {
        state.limits().restoreConfigured();
    }

    @Override public LimitUsage limitUsage(String email) {
        return state.limits().usageOf(state.accounts().require(email).id());
    }

    @Override public void resetLimitUsage() {
        state.limits().resetUsage();
    }

    @Override public SandboxHistoryControl history() {
        return history;
    }

    @Override public SandboxPubSubControl pubSub() {
        return pubSub;
    }
}
