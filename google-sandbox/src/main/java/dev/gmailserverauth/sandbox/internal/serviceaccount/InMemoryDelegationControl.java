package dev.gmailserverauth.sandbox.internal.serviceaccount;

import dev.gmailserverauth.sandbox.SandboxDelegation;
import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import dev.gmailserverauth.sandbox.internal.directory.WorkspaceDirectory;
import dev.gmailserverauth.sandbox.internal.directory.WorkspaceGroup;
import dev.gmailserverauth.sandbox.internal.directory.WorkspaceUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** {@link SandboxDelegation} over the sandbox's state. */
public final class InMemoryDelegationControl implements SandboxDelegation {
    private final SandboxState state;
    private final WorkspaceDelegation delegation;
    private final Supplier<String> tokenUri;

    /** @param tokenUri the sandbox's own token endpoint, known once it listens */
    public InMemoryDelegationControl(SandboxState state, WorkspaceDelegation delegation, Supplier<String> tokenUri) {
        this.state = state;
        this.delegation = delegation;
        this.tokenUri = tokenUri;
    }

    @Override public String workspaceDomain() {
        return WorkspaceDirectory.DOMAIN;
    }

    @Override public String workspaceAdmin() {
        return delegation.directory().all().stream().filter(u -> u.admin() && !u.suspended()).map(WorkspaceUser::primaryEmail)
                .findFirst().orElseThrow(() -> new IllegalStateException("the demo domain has no administrator"));
    }

    @Override public List<String> workspaceUsers() {
        return delegation.directory().all().stream().map(WorkspaceUser::primaryEmail).toList();
    }

    @Override public String serviceAccountClientId() {
        return delegation.serviceAccount().clientId();
    }

    @Override public String serviceAccountEmail() {
        return delegation.serviceAccount().clientEmail();
    }

    @Override public String serviceAccountKeyJson() {
        return delegation.serviceAccount().keyJson(tokenUri.get());
    }

    @Override public void writeServiceAccountKey(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        // The key pair first (the slow part, a second or so on a busy machine): a process stopped meanwhile leaves no temp file.
        String json = serviceAccountKeyJson();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), ".service-account", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, json, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temp, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override public void delegate(String clientId, List<String> scopes) {
        delegation.delegate(clientId, scopes);
    }

    @Override public void removeDelegation(String clientId) {
        delegation.removeDelegation(clientId);
    }

    @Override public void setPropagationDelay(Duration delay) {
        delegation.setPropagationDelay(delay);
    }

    @Override public String addWorkspaceUser(String email, String displayName, boolean admin) {
        if (!WorkspaceDirectory.inDomain(email)) throw new IllegalArgumentException("not of " + WorkspaceDirectory.DOMAIN + ": " + email);
        Account account = state.addAccount(email, displayName);
        int space = displayName.indexOf(' ');
        String given = space < 0 ? displayName : displayName.substring(0, space);
        String family = space < 0 ? "" : displayName.substring(space + 1);
        delegation.directory().add(new WorkspaceUser(account.id(), email, given, family, admin, false, admin ? "/" : "/Staff"));
        return account.id();
    }

    @Override public void setSuspended(String email, boolean suspended) {
        delegation.directory().setSuspended(email, suspended);
    }

    @Override public String addWorkspaceGroup(String email, String name, List<String> members) {
        String id = "0" + Integer.toHexString(email.toLowerCase(Locale.ROOT).hashCode() & 0x7fffffff) + "group";
        delegation.directory().addGroup(new WorkspaceGroup(email, id, name, members));
        return id;
    }

    @Override public void replaceServiceAccountKey() {
        delegation.serviceAccount().replaceKey();
    }

    @Override public void setServiceAccountDisabled(boolean disabled) {
        delegation.serviceAccount().setDisabled(disabled);
    }

    @Override public void setGoogleAudienceAccepted(boolean accepted) {
        delegation.setGoogleAudienceAccepted(accepted);
    }

    @Override public void answerGmailFor(String subject, String other) {
        delegation.answerGmailFor(subject, other);
    }

    @Override public void clearGmailMisroutes() {
        delegation.clearGmailMisroutes();
    }
}
