package dev.gmailserverauth.sandbox;

/** A file attached to a {@link SandboxMessage}. */
public record SandboxAttachment(String filename, String mimeType, byte[] content) {
    public SandboxAttachment {
        if (filename == null || filename.isBlank()) throw new IllegalArgumentException("filename is blank");
        if (mimeType == null || !mimeType.contains("/")) throw new IllegalArgumentException("mime type is invalid: " + mimeType);
        if (content == null) throw new IllegalArgumentException("content is null");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
