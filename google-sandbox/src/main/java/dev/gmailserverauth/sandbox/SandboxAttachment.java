package dev.gmailserverauth.sandbox;

import java.util.Objects;
import java.util.Optional;

/**
 * A file attached to a {@link SandboxMessage}: a download ({@code Content-Disposition: attachment}), or, with a
 * {@code contentId}, an inline part that the HTML body shows as {@code <img src="cid:...">}
 * ({@code multipart/related}, {@code Content-Disposition: inline}).
 *
 * @param contentId the Content-ID without angle brackets, e.g. {@code logo@letters.example}
 */
public record SandboxAttachment(String filename, String mimeType, byte[] content, Optional<String> contentId) {
    public SandboxAttachment {
        if (filename == null || filename.isBlank()) throw new IllegalArgumentException("filename is blank");
        if (mimeType == null || !mimeType.contains("/")) throw new IllegalArgumentException("mime type is invalid: " + mimeType);
        if (content == null) throw new IllegalArgumentException("content is null");
        Objects.requireNonNull(contentId, "contentId");
        contentId.ifPresent(id -> {
            if (!id.matches("[^<>\\s@]+@[^<>\\s@]+")) throw new IllegalArgumentException("content id must look like part@host: " + id);
        });
        if (filename.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) throw new IllegalArgumentException("filename has control characters");
        content = content.clone();
    }

    /** A download. */
    public SandboxAttachment(String filename, String mimeType, byte[] content) {
        this(filename, mimeType, content, Optional.empty());
    }

    /** An inline part the HTML body refers to as {@code cid:<contentId>}. */
    public static SandboxAttachment inline(String filename, String mimeType, byte[] content, String contentId) {
        return new SandboxAttachment(filename, mimeType, content, Optional.of(contentId));
    }

    public boolean isInline() {
        return contentId.isPresent();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
