package dev.gmailserverauth.sandbox.internal.serviceaccount;

import dev.gmailserverauth.sandbox.SandboxDelegation;
import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import java.time.Instant;
import java.util.List;

/**
 * The demo Workspace domain: Ada (an administrator), Ben and Cleo with a few messages each, and Dev, suspended; the
 * groups Sales (Ben, Dev, the group Support and an outside address) and Support (Cleo). Its Admin console has delegated
 * the demo service account for Gmail read-only and the Directory's user and group-member lists, so sandbox
 * mode works without a step; tests change that through {@link SandboxDelegation}.
 */
public final class WorkspaceDemo {
    public static final String ADA = SandboxDelegation.DEMO_ADMIN;
    public static final String BEN = "ben@northwind.example";
    public static final String CLEO = "cleo@northwind.example";
    public static final String DEV = "dev@northwind.example";
    public static final List<String> DELEGATED_SCOPES = List.of("https://www.googleapis.com/auth/gmail.readonly",
            "https://www.googleapis.com/auth/admin.directory.user.readonly",
            "https://www.googleapis.com/auth/admin.directory.group.member.readonly");
    /** A group with a nested group, a suspended member and an outside address: {@code members.list}'s cases. */
    public static final String SALES = "sales@northwind.example";
    public static final String SUPPORT = "support@northwind.example";

    private WorkspaceDemo() {}

    public static void seed(SandboxState state, SandboxDelegation control) {
        control.addWorkspaceUser(ADA, "Ada Admin", true);
        control.addWorkspaceUser(BEN, "Ben Archer", false);
        control.addWorkspaceUser(CLEO, "Cleo Diaz", false);
        control.addWorkspaceUser(DEV, "Devon Left", false);
        control.setSuspended(DEV, true);
        control.addWorkspaceGroup(SUPPORT, "Support", List.of(CLEO));
        control.addWorkspaceGroup(SALES, "Sales", List.of(BEN, DEV, SUPPORT, "olivia.chen@example.org"));
        Instant anchor = Instant.parse("2026-05-20T08:00:00Z");
        add(state, ADA, "Northwind IT <it@northwind.example>", "Domain-wide delegation is on", anchor,
                "The mail archiver can now read the domain's mailboxes.");
        add(state, BEN, "Cleo Diaz <" + CLEO + ">", "Supplier contract", anchor.plusSeconds(3600), "Ben, the contract is attached in spirit.");
        add(state, BEN, "Ada Admin <" + ADA + ">", "Welcome to Northwind", anchor.plusSeconds(7200), "Welcome aboard, Ben.");
        add(state, CLEO, "Ben Archer <" + BEN + ">", "Re: Supplier contract", anchor.plusSeconds(5400), "Thanks Cleo, signed.");
        add(state, DEV, "Ada Admin <" + ADA + ">", "Your last day", anchor.minusSeconds(86_400), "Thank you for everything, Devon.");
        control.delegate(control.serviceAccountClientId(), DELEGATED_SCOPES);
    }

    private static void add(SandboxState state, String to, String from, String subject, Instant date, String body) {
        state.mailbox(state.accounts().require(to)).add(SandboxMessage.of(from, to, subject, date, body));
    }
}
