package dev.gmailserverauth.sandbox.internal;

import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.sandbox.internal.risc.RiscStream;
import dev.gmailserverauth.sandbox.internal.risc.RiscTransmitter;
import dev.gmailserverauth.sandbox.internal.risc.SandboxIssuer;
import dev.gmailserverauth.sandbox.internal.risc.SigningKeys;
import java.util.List;

/**
 * What the sandbox knows about identity beyond tokens: its issuer, signing keys, each client's publishing status,
 * Workspace policies, and the Cross-Account Protection stream.
 */
public final class IdentityState implements AutoCloseable {
    private final SandboxIssuer issuer = new SandboxIssuer();
    private final SigningKeys keys = new SigningKeys();
    private final WorkspacePolicies workspace = new WorkspacePolicies();
    private final PublishingStatuses publishing;
    private final RiscStream riscStream = new RiscStream();
    private final RiscTransmitter risc;

    public IdentityState(SandboxClock clock, Accounts accounts, List<SandboxClient> clients) {
        this.publishing = new PublishingStatuses(clients);
        this.risc = new RiscTransmitter(riscStream, accounts, issuer, keys, clock, clients.get(0).clientId());
    }

    public SandboxIssuer issuer() {
        return issuer;
    }

    public SigningKeys keys() {
        return keys;
    }

    public WorkspacePolicies workspace() {
        return workspace;
    }

    public PublishingStatuses publishing() {
        return publishing;
    }

    public RiscStream riscStream() {
        return riscStream;
    }

    public RiscTransmitter risc() {
        return risc;
    }

    @Override
    public void close() {
        risc.close();
    }
}
