package dev.gmailserverauth.sandbox.internal.risc;

import dev.gmailserverauth.sandbox.SandboxSecurityEvent;
import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The project's one event stream: where security event tokens go, which types, and whether it is enabled. Thread-safe. */
public final class RiscStream {
    /** Google's only delivery method. */
    public static final String PUSH = "https://schemas.openid.net/secevent/risc/delivery-method/push";

    /** A registered receiver. */
    public record Registration(URI receiver, Set<SandboxSecurityEvent.Type> eventsRequested, boolean enabled) {
        public Registration {
            Objects.requireNonNull(receiver, "receiver");
            if (!"http".equals(receiver.getScheme()) && !"https".equals(receiver.getScheme())) {
                throw new IllegalArgumentException("the receiver must be an http(s) URL: " + receiver);
            }
            if (eventsRequested.isEmpty()) throw new IllegalArgumentException("no event type requested");
            eventsRequested = Set.copyOf(eventsRequested);
        }

        public boolean wants(SandboxSecurityEvent.Type type) {
            return enabled && eventsRequested.contains(type);
        }
    }

    private Registration registration;

    public synchronized void register(URI receiver, Set<SandboxSecurityEvent.Type> eventsRequested) {
        registration = new Registration(receiver, eventsRequested, true);
    }

    /** Every event type Google sends. */
    public void register(URI receiver) {
        register(receiver, EnumSet.allOf(SandboxSecurityEvent.Type.class));
    }

    public synchronized void unregister() {
        registration = null;
    }

    public synchronized Optional<Registration> registration() {
        return Optional.ofNullable(registration);
    }

    /** @throws IllegalStateException when nothing is registered */
    public synchronized void setEnabled(boolean enabled) {
        if (registration == null) throw new IllegalStateException("no stream is configured");
        registration = new Registration(registration.receiver(), registration.eventsRequested(), enabled);
    }
}
