package dev.gmailserverauth.sandbox.internal.gmail;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A message as the sandbox's Gmail stores it. Its {@code internalDate} is kept to the millisecond, as Gmail's is
 * (epoch milliseconds): the order of a list and its page tokens both read it so, and a finer instant would let the
 * two disagree among messages of the same millisecond (pages then repeated some and skipped others).
 */
record StoredMessage(String id, String threadId, List<String> labelIds, Instant internalDate, long historyId,
                            MessagePart payload, byte[] raw, String snippet, String plainText) {
    public StoredMessage {
        if (!GmailIds.isValid(id) || !GmailIds.isValid(threadId)) throw new IllegalArgumentException("invalid message or thread id");
        labelIds = List.copyOf(labelIds);
        internalDate = internalDate.truncatedTo(ChronoUnit.MILLIS);
    }

    public Optional<String> header(String name) {
        return payload.headers().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(MimeHeader::value).findFirst();
    }

    public boolean hasLabel(String labelId) {
        return labelIds.contains(labelId);
    }

    public boolean hasAttachment() {
        return payload.flatten().anyMatch(p -> !p.filename().isEmpty());
    }

    public List<String> attachmentNames() {
        return payload.flatten().map(MessagePart::filename).filter(f -> !f.isEmpty()).toList();
    }

    public int sizeEstimate() {
        return raw.length;
    }

    /** Lower-cased text that bare search words are matched against. */
    public String searchableText() {
        return String.join("\n", header("Subject").orElse(""), header("From").orElse(""), header("To").orElse(""),
                header("Cc").orElse(""), plainText, String.join(" ", attachmentNames())).toLowerCase(Locale.ROOT);
    }
}
