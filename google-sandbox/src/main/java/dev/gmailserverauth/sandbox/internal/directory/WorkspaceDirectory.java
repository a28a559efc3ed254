package dev.gmailserverauth.sandbox.internal.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    private final Map<String, WorkspaceGroup> groups = new LinkedHashMap<>();

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

    /** Adds a group of the domain; its members may be users, other groups or addresses outside the domain. */
    public synchronized void addGroup(WorkspaceGroup group) {
        if (!inDomain(group.email())) throw new IllegalArgumentException("not of " + DOMAIN + ": " + group.email());
        if (groups.containsKey(group.email()) || users.containsKey(group.email())) throw new IllegalArgumentException("address exists: " + group.email());
        groups.put(group.email(), group);
    }

    /** The group a {@code groupKey} names: its address (any case) or its id. */
    public synchronized Optional<WorkspaceGroup> group(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(groups.get(lower)).or(() -> groups.values().stream().filter(g -> g.id().equals(key)).findFirst());
    }

    /**
     * A group's members as {@code members.list} gives them: the direct ones, and with {@code derived} also the members
     * of nested groups, each address once, in the order met (a cycle of groups ends where it closes).
     */
    public synchronized List<String> members(WorkspaceGroup group, boolean derived) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        collect(group, derived, out, new HashSet<>());
        return List.copyOf(out);
    }

    private void collect(WorkspaceGroup group, boolean derived, Set<String> out, Set<String> visited) {
        if (!visited.add(group.email())) return;
        for (String member : group.members()) {
            out.add(member);
            if (derived && groups.containsKey(member)) collect(groups.get(member), true, out, visited);
        }
    }

    /** Whether an address is a group of the domain. */
    public synchronized boolean isGroup(String email) {
        return groups.containsKey(email.toLowerCase(Locale.ROOT));
    }

    public static boolean inDomain(String email) {
        return email.toLowerCase(Locale.ROOT).endsWith("@" + DOMAIN);
    }
}
