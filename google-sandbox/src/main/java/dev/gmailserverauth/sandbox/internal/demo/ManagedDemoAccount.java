package dev.gmailserverauth.sandbox.internal.demo;

import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.sandbox.SandboxWorkspacePolicy;
import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import dev.gmailserverauth.sandbox.internal.gmail.GmailAccountMailbox;
import java.time.Duration;
import java.time.Instant;

/**
 * The managed demo account: Dana, whose Workspace organisation ({@code corp.example}) asks her to sign in again
 * every so often (Google Cloud session control), with a small mailbox.
 */
final class ManagedDemoAccount {
    private ManagedDemoAccount() {}

    public static void seed(SandboxState state, Duration reauthEvery) {
        Account dana = state.addAccount(SandboxWorkspacePolicy.DEMO_ACCOUNT, "Dana Workspace");
        state.identity().workspace().set(dana.id(),
                SandboxWorkspacePolicy.managedBy(SandboxWorkspacePolicy.DEMO_DOMAIN).withReauthEvery(reauthEvery));
        GmailAccountMailbox mailbox = state.mailbox(dana);
        Instant anchor = Instant.parse("2026-05-28T08:30:00Z");
        mailbox.add(SandboxMessage.of("IT Service Desk <it@corp.example>", dana.email(), "Sign-in every " + reauthEvery.toMinutes()
                + " minutes for Google Cloud apps", anchor, "Hi Dana,\n\nOur security policy asks you to sign in again to apps "
                + "that use your corp.example account every " + reauthEvery.toMinutes() + " minutes.\n\nIT"));
        mailbox.add(SandboxMessage.of("Sam Lead <sam@corp.example>", dana.email(), "Q3 planning", anchor.plusSeconds(3600),
                "Can you send me your numbers by Friday?"));
    }
}
