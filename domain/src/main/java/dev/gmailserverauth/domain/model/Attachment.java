package dev.gmailserverauth.domain.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A file carried by a message: an attachment, or an inline part such as an image the HTML shows through
 * {@code cid:}. {@code filename} is as the sender named it (decoded, possibly empty, never to be trusted as
 * a path); {@code mimeType} is lower case; {@code size} is in bytes; {@code contentId} has no angle brackets.
 */
public record Attachment(
        PartId part,
        AttachmentId id,
        String filename,
        String mimeType,
        long size,
        Optional<String> contentId,
        boolean inline) {

    public Attachment {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(filename, "filename");
        if (mimeType == null || mimeType.indexOf('/') <= 0) throw new IllegalArgumentException("mime type is malformed: " + mimeType);
        mimeType = mimeType.toLowerCase(Locale.ROOT);
        if (size < 0) throw new IllegalArgumentException("size is negative");
        Objects.requireNonNull(contentId, "contentId");
        contentId = contentId.filter(cid -> !cid.isBlank());
    }
}
