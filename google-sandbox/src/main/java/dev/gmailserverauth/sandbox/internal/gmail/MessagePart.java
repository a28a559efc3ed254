package dev.gmailserverauth.sandbox.internal.gmail;

import java.util.List;
import java.util.Optional;

/**
 * A node of a message's MIME tree; {@code content} holds the decoded bytes of a leaf.
 *
 * @param attachmentKey stable within the sandbox for an attachment part; clients see ids from {@link AttachmentIds}
 */
record MessagePart(String partId, String mimeType, String filename, List<MimeHeader> headers,
                          byte[] content, Optional<String> attachmentKey, List<MessagePart> parts) {
    public MessagePart {
        if (partId == null || mimeType == null || filename == null) throw new IllegalArgumentException("part id, mime type and filename are required");
        headers = List.copyOf(headers);
        parts = List.copyOf(parts);
        if (attachmentKey == null) throw new IllegalArgumentException("attachment key is null");
        if (content == null) throw new IllegalArgumentException("content is null");
    }

    public boolean isMultipart() {
        return mimeType.startsWith("multipart/");
    }

    /** This part and all below it, depth first. */
    public java.util.stream.Stream<MessagePart> flatten() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(this), parts.stream().flatMap(MessagePart::flatten));
    }
}
