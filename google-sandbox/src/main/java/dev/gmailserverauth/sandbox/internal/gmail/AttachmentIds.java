package dev.gmailserverauth.sandbox.internal.gmail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Attachment ids as Gmail hands them out: a new one for the same attachment on every messages.get or
 * threads.get (observed), each of which keeps working for messages.attachments.get. An id carries a nonce and
 * a digest of message id, nonce and the part's stable key, so nothing has to be remembered to resolve it.
 */
final class AttachmentIds {
    private static final String PREFIX = "ANGjdJ";
    private static final int NONCE = 12;
    private static final int DIGEST = 24;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();

    /** A fresh id for an attachment part of that message. */
    String issue(String messageId, MessagePart part) {
        String key = part.attachmentKey().orElseThrow(() -> new IllegalArgumentException("not an attachment part"));
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        byte[] id = Arrays.copyOf(nonce, NONCE + DIGEST);
        System.arraycopy(digest(messageId, key, nonce), 0, id, NONCE, DIGEST);
        return PREFIX + ENCODER.encodeToString(id);
    }

    /** The attachment part of the message that this id was issued for. */
    Optional<MessagePart> find(StoredMessage message, String id) {
        if (!id.startsWith(PREFIX)) return Optional.empty();
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(id.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != NONCE + DIGEST) return Optional.empty();
        byte[] nonce = Arrays.copyOf(raw, NONCE);
        byte[] digest = Arrays.copyOfRange(raw, NONCE, raw.length);
        return message.payload().flatten()
                .filter(p -> p.attachmentKey().filter(key -> MessageDigest.isEqual(digest, digest(message.id(), key, nonce))).isPresent())
                .findFirst();
    }

    private static byte[] digest(String messageId, String key, byte[] nonce) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((messageId + "/" + key + "/").getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(sha.digest(nonce), DIGEST);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }
}
