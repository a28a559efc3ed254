package dev.gmailserverauth.sandbox.internal.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The users of the sandbox's demo Workspace domain ({@link #DOMAIN}): who exists, who is an administrator, who is
 * suspended. Every user also has a sandbox account and mailbox; a user outside this list is not of the domain.
 * Thread-safe.
 */
public final class WorkspaceDirectory {
    public static final String DOMAIN = dev.gmailserverauth.sandbox.SandboxDelegation.DEMO_DOMAIN;
    /** The customer id {@code users.list} reports ({@code customer=my_customer} means the caller's own). */
    public static final String CUSTOMER_ID = "C03az79cb";

    private final Map<String, WorkspaceUser> users = new LinkedHashMap<>();

    public synchronized void add(WorkspaceUser user) {
        if (!inDomain(user.primaryEmail())) throw new IllegalArgumentException("not of " + DOMAIN + ": " + user.primaryEmail());
        if (users.containsKey(user.primaryEmail())) throw new IllegalArgumentException("user exists: " + user.primaryEmail());
        users.put(user.primaryEmail(), user);
    }

    public synchronized Optional<WorkspaceUser> byEmail(String email) {
        return Optional.ofNullable(users.get(email.toLowerCase(Locale.ROOT)));
    }

    public synchronized void setSuspended(String email, boolean suspended) {
        WorkspaceUser user = byEmail(email).orElseThrow(() -> new IllegalArgumentException("no such Workspace user: " + email));
        users.put(user.primaryEmail(), user.withSuspended(suspended));
    }

    /** Every user, by primary email. */
    public synchronized List<WorkspaceUser> all() {
        List<WorkspaceUser> out = new ArrayList<>(users.values());
        out.sort(Comparator.comparing(WorkspaceUser::primaryEmail));
        return out;
    }

    public static boolean inDomain(String email) {
        return email.toLowerCase(Locale.ROOT).endsWith("@" + DOMAIN);
    }
}
