package dev.gmailserverauth.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** One whole message: headers, bodies (plain text and/or HTML), labels, and the files it carries. */
public record Message(
        MessageId id,
        ThreadId threadId,
        List<Header> headers,
        Optional<String> textBody,
        Optional<String> htmlBody,
        Set<LabelId> labelIds,
        String snippet,
        Instant date,
        List<Attachment> attachments) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(threadId, "threadId");
        headers = List.copyOf(headers);
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
        labelIds = Set.copyOf(labelIds);
        Objects.requireNonNull(snippet, "snippet");
        Objects.requireNonNull(date, "date");
        attachments = List.copyOf(attachments);
    }

    /** The first header of that name, compared without regard to case. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    public String subject() {
        return header("Subject").orElse("");
    }

    public String from() {
        return header("From").orElse("");
    }

    public boolean unread() {
        return labelIds.contains(LabelId.UNREAD);
    }

    public boolean starred() {
        return labelIds.contains(LabelId.STARRED);
    }

    /** The attachment or inline part at that place in the MIME tree. */
    public Optional<Attachment> attachment(PartId part) {
        return attachments.stream().filter(a -> a.part().equals(part)).findFirst();
    }

    /** The part an HTML body refers to as {@code cid:contentId}. */
    public Optional<Attachment> inlinePart(String contentId) {
        return attachments.stream().filter(a -> a.contentId().filter(contentId::equals).isPresent()).findFirst();
    }
}
