package dev.gmailserverauth.sandbox.internal.gmail;

import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.sandbox.internal.history.GmailHistories;
import dev.gmailserverauth.sandbox.internal.history.GmailHistory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/** One account's Gmail: messages, threads and labels. Thread-safe. */
public final class GmailAccountMailbox {
    /** Newest first, ties broken by id, the order messages.list uses. */
    public static final Comparator<StoredMessage> NEWEST_FIRST =
            Comparator.comparing(StoredMessage::internalDate).thenComparing(StoredMessage::id).reversed();
    private static final List<GmailLabelRecord.LabelColor> COLORS = List.of(
            new GmailLabelRecord.LabelColor("#ffffff", "#16a766"), new GmailLabelRecord.LabelColor("#ffffff", "#4a86e8"),
            new GmailLabelRecord.LabelColor("#000000", "#fad165"), new GmailLabelRecord.LabelColor("#ffffff", "#cc3a21"));

    private final String email;
    private final RandomGenerator random;
    private final Map<String, StoredMessage> messages = new HashMap<>();
    private final Map<String, GmailLabelRecord> labels = new LinkedHashMap<>();
    private long historyId = 1000;
    private final GmailHistory history;
    private java.util.function.Consumer<GmailAccountMailbox> pendingFill;

    public GmailAccountMailbox(String email, RandomGenerator random, GmailHistories histories) {
        this.email = email;
        this.random = random;
        this.history = histories.newHistory(email, historyId);
        for (String id : GmailLabelRecord.SYSTEM_IDS) labels.put(id, GmailLabelRecord.system(id));
    }

    public String email() {
        return email;
    }

    /** Content added on first use (keeps start-up fast); deterministic because this mailbox has its own random. */
    public synchronized void fillLazily(java.util.function.Consumer<GmailAccountMailbox> filler) {
        pendingFill = filler;
    }

    /** Runs the pending fill now, if any. */
    public synchronized void ensureFilled() {
        java.util.function.Consumer<GmailAccountMailbox> fill = pendingFill;
        pendingFill = null;
        if (fill != null) fill.accept(this);
    }

    public synchronized String add(SandboxMessage message) {
        ensureFilled();
        String id;
        do {
            id = GmailIds.messageId(message.date(), random);
        } while (messages.containsKey(id));
        String threadId = message.threadId().orElse(id);
        if (message.threadId().isPresent() && messages.values().stream().noneMatch(m -> m.threadId().equals(threadId))) {
            throw new IllegalArgumentException("no such thread: " + threadId);
        }
        List<String> labelIds = new ArrayList<>(new LinkedHashSet<>(message.labels().stream().map(this::labelIdFor).toList()));
        historyId += 1 + random.nextInt(40);
        List<String> references = message.threadId().isEmpty() ? List.of()
                : thread(threadId).stream().map(m -> MessageBuilder.messageIdHeader(m.id())).toList();
        messages.put(id, MessageBuilder.build(message, id, threadId, labelIds, historyId, references));
        history.messageAdded(historyId, id, threadId, labelIds);
        return id;
    }

    /**
     * Puts labels on a message and takes others off (ids, or names of user labels; a new name makes a label), as
     * {@code messages.modify} does: one history record per direction that changed something.
     *
     * @throws IllegalArgumentException when there is no such message
     */
    public synchronized void modifyLabels(String messageId, List<String> add, List<String> remove) {
        StoredMessage before = message(messageId).orElseThrow(() -> new IllegalArgumentException("no such message: " + messageId));
        List<String> adding = add.stream().map(this::labelIdFor).distinct().filter(l -> !before.hasLabel(l)).toList();
        List<String> removing = remove.stream().map(this::labelIdFor).distinct().filter(before::hasLabel).filter(l -> !adding.contains(l)).toList();
        List<String> labels = new ArrayList<>(before.labelIds());
        labels.addAll(adding);
        if (!adding.isEmpty()) {
            historyId += 1 + random.nextInt(40);
            history.labelsAdded(historyId, messageId, before.threadId(), labels, adding);
        }
        labels.removeAll(removing);
        if (!removing.isEmpty()) {
            historyId += 1 + random.nextInt(40);
            history.labelsRemoved(historyId, messageId, before.threadId(), labels, removing);
        }
        messages.put(messageId, new StoredMessage(before.id(), before.threadId(), labels, before.internalDate(), historyId,
                before.payload(), before.raw(), before.snippet(), before.plainText()));
    }

    /**
     * Deletes a message for good ({@code messages.delete}, not the trash): recorded as {@code messagesDeleted}.
     *
     * @throws IllegalArgumentException when there is no such message
     */
    public synchronized void delete(String messageId) {
        StoredMessage gone = message(messageId).orElseThrow(() -> new IllegalArgumentException("no such message: " + messageId));
        messages.remove(messageId);
        historyId += 1 + random.nextInt(40);
        history.messageDeleted(historyId, messageId, gone.threadId(), gone.labelIds());
    }

    /** This mailbox's change history and push watch. */
    public synchronized GmailHistory history() {
        ensureFilled();
        return history;
    }

    /** A system id, an existing user label (by id or name), or a new user label with that name. */
    private String labelIdFor(String idOrName) {
        String upper = idOrName.toUpperCase(Locale.ROOT);
        if (GmailLabelRecord.SYSTEM_IDS.contains(upper)) return upper;
        if (labels.containsKey(idOrName)) return idOrName;
        for (GmailLabelRecord l : labels.values()) if (l.name().equalsIgnoreCase(idOrName)) return l.id();
        String id = "Label_" + String.format("%019d", random.nextLong(1_000_000_000_000_000_000L));
        int userLabels = (int) labels.values().stream().filter(l -> !l.system()).count();
        labels.put(id, new GmailLabelRecord(id, idOrName, false, Optional.of(COLORS.get(userLabels % COLORS.size()))));
        return id;
    }

    public synchronized Optional<StoredMessage> message(String id) {
        ensureFilled();
        return Optional.ofNullable(messages.get(id));
    }

    /** All messages, newest first. */
    public synchronized List<StoredMessage> messages() {
        ensureFilled();
        List<StoredMessage> all = new ArrayList<>(messages.values());
        all.sort(NEWEST_FIRST);
        return all;
    }

    /** The messages of a thread, oldest first; empty when there is no such thread. */
    public synchronized List<StoredMessage> thread(String threadId) {
        ensureFilled();
        List<StoredMessage> thread = new ArrayList<>(messages.values().stream().filter(m -> m.threadId().equals(threadId)).toList());
        thread.sort(NEWEST_FIRST.reversed());
        return thread;
    }

    public synchronized List<GmailLabelRecord> labels() {
        ensureFilled();
        return new ArrayList<>(labels.values());
    }

    public synchronized Optional<GmailLabelRecord> label(String id) {
        ensureFilled();
        return Optional.ofNullable(labels.get(id));
    }

    public synchronized long historyId() {
        ensureFilled();
        return historyId;
    }

    public synchronized Set<String> threadIds() {
        ensureFilled();
        Set<String> ids = new LinkedHashSet<>();
        for (StoredMessage m : messages.values()) ids.add(m.threadId());
        return ids;
    }
}
