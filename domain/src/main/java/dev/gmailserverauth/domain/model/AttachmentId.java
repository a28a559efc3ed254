package dev.gmailserverauth.domain.model;

/**
 * Gmail's id for fetching one attachment's bytes ({@code body.attachmentId}): opaque, base64url, and
 * different each time the message is read, so it is good for one fetch soon after, not for a link.
 */
public record AttachmentId(String value) {
    private static final int MAX_LENGTH = 4096;

    public AttachmentId {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("attachment id is blank");
        if (value.length() > MAX_LENGTH) throw new IllegalArgumentException("attachment id is too long");
        if (!value.chars().allMatch(AttachmentId::isBase64Url)) throw new IllegalArgumentException("attachment id is malformed");
    }

    private static boolean isBase64Url(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '=';
    }
}
