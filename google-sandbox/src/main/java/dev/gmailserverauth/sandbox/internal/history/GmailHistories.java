package dev.gmailserverauth.sandbox.internal.history;

import dev.gmailserverauth.sandbox.SandboxPubSubNames;
import dev.gmailserverauth.sandbox.internal.SandboxClock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What every mailbox's history shares: the sandbox clock, how long history records are kept (Gmail: "typically
 * valid for at least a week", sometimes only hours), and who hears about changes that a watch asked for.
 */
public final class GmailHistories {
    /** Gmail keeps history for at least a week in the normal case. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    /** The Google Cloud project the sandbox plays the app's: {@code users.watch} takes topics of this project only. */
    public static final String DEFAULT_PROJECT = "sandbox-project";

    private final SandboxClock clock;
    private final AtomicReference<Duration> retention = new AtomicReference<>(DEFAULT_RETENTION);
    private final AtomicReference<Consumer<WatchNotice>> listener = new AtomicReference<>(notice -> { });
    private final AtomicReference<String> project = new AtomicReference<>(DEFAULT_PROJECT);

    public GmailHistories(SandboxClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new, empty history for one mailbox, whose current history id is {@code start}. */
    public GmailHistory newHistory(String email, long start) {
        return new GmailHistory(email, start, this);
    }

    public Duration retention() {
        return retention.get();
    }

    /** Records older than this are dropped; a {@code startHistoryId} before them gets 404. */
    public void setRetention(Duration kept) {
        if (kept == null || kept.isNegative() || kept.isZero()) throw new IllegalArgumentException("history retention must be positive");
        retention.set(kept);
    }

    /** Who is told about changes of watched mailboxes (Pub/Sub). */
    public void onWatchedChange(Consumer<WatchNotice> newListener) {
        listener.set(Objects.requireNonNull(newListener, "listener"));
    }

    /** The developer project whose topics {@code users.watch} accepts. */
    public String project() {
        return project.get();
    }

    public void setProject(String projectId) {
        project.set(SandboxPubSubNames.requireProject(projectId));
    }

    SandboxClock clock() {
        return clock;
    }

    void notifyWatcher(WatchNotice notice) {
        listener.get().accept(notice);
    }
}
