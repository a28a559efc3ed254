package dev.gmailserverauth.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Java face of the sandbox's Google Workspace side: the demo service account and its key file, the demo domain's
 * users (Directory API), and its Admin console's domain-wide delegation. The same switches are on the control API
 * under {@code /__sandbox/delegation}, and the Admin console page is {@code /__sandbox/admin-console}.
 */
public interface SandboxDelegation {
    /** The demo Workspace domain (seeded with the demo data). */
    String DEMO_DOMAIN = "northwind.example";
    /** Its administrator, whom the Directory API answers. */
    String DEMO_ADMIN = "ada@northwind.example";

    /** The demo Workspace domain, e.g. {@code northwind.example}. */
    String workspaceDomain();

    /** An administrator of the demo domain (the subject to impersonate for the Directory API). */
    String workspaceAdmin();

    /** The primary emails of the demo domain's users, suspended ones included. */
    List<String> workspaceUsers();

    /** The demo service account's numeric client ID (what the administrator enters in the Admin console). */
    String serviceAccountClientId();

    /** The demo service account's email (the assertion's {@code iss}). */
    String serviceAccountEmail();

    /** The key file as the Cloud console downloads it, its {@code token_uri} at the sandbox. */
    String serviceAccountKeyJson();

    /** Writes {@link #serviceAccountKeyJson()} to {@code file}, readable by its owner only (0600). */
    void writeServiceAccountKey(Path file) throws IOException;

    /** Admin console: authorizes {@code clientId} for exactly these scopes (replacing an earlier entry). */
    void delegate(String clientId, List<String> scopes);

    /** Admin console: removes the client's entry. */
    void removeDelegation(String clientId);

    /** A new or changed entry takes this long to take effect ({@code unauthorized_client} meanwhile). */
    void setPropagationDelay(Duration delay);

    /** Adds a user (and a mailbox) to the demo domain; returns the user's id. */
    String addWorkspaceUser(String email, String displayName, boolean admin);

    void setSuspended(String email, boolean suspended);

    /**
     * Adds a Google Group to the demo domain (Directory API {@code members.list}); its members may be users of the
     * domain, other groups of it (nested) or addresses outside it. Returns the group's id.
     */
    String addWorkspaceGroup(String email, String name, List<String> members);

    /** Deletes the service account's key and creates another one: the old key file gets "Invalid JWT Signature.". */
    void replaceServiceAccountKey();

    /** Disables (or enables) the service account: {@code disabled_client}. */
    void setServiceAccountDisabled(boolean disabled);

    /** False: only the sandbox's own token URL is a valid {@code aud}; Google's is refused as a wrong audience. */
    void setGoogleAudienceAccepted(boolean accepted);

    /** Gmail answers calls for {@code subject} from {@code other}'s mailbox (the wrong-mailbox bug, to prove a guard). */
    void answerGmailFor(String subject, String other);

    /** Gmail answers every call from the token subject's own mailbox again. */
    void clearGmailMisroutes();
}
