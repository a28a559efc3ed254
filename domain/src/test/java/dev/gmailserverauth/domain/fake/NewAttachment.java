package dev.gmailserverauth.domain.fake;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A file attached to a {@link NewMessage}; with a {@code contentId} it is an inline part the HTML shows
 * as {@code cid:contentId}.
 */
public record NewAttachment(String filename, String mimeType, byte[] content, Optional<String> contentId) {
    public NewAttachment {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(mimeType, "mimeType");
        content = content.clone();
        Objects.requireNonNull(contentId, "contentId");
    }

    /** An attachment (not inline). */
    public NewAttachment(String filename, String mimeType, byte[] content) {
        this(filename, mimeType, content, Optional.empty());
    }

    /** An inline part, shown by the HTML as {@code cid:contentId}. */
    public static NewAttachment inline(String contentId, String filename, String mimeType, byte[] content) {
        return new NewAttachment(filename, mimeType, content, Optional.of(contentId));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NewAttachment a && filename.equals(a.filename) && mimeType.equals(a.mimeType)
                && Arrays.equals(content, a.content) && contentId.equals(a.contentId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filename, mimeType, Arrays.hashCode(content), contentId);
    }

    @Override
    public String toString() {
        return "NewAttachment[" + filename + ", " + mimeType + ", " + content.length + " bytes" + contentId.map(id -> ", cid " + id).orElse("") + "]";
    }
}
