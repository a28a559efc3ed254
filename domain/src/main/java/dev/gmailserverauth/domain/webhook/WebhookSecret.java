package dev.gmailserverauth.domain.webhook;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The key an endpoint's deliveries are signed with (Standard Webhooks): shown as {@code whsec_} and the key's base64;
 * the HMAC key is the decoded bytes, 24 to 64 of them. Never shown by {@link #toString()}.
 */
public final class WebhookSecret {
    private static final String PREFIX = "whsec_";
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;
    private static final int NEW_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("a webhook secret holds " + MIN_BYTES + " to " + MAX_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    public static WebhookSecret random() {
        byte[] key = new byte[NEW_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** Reads {@code whsec_<base64>}; the message never repeats the value. */
    public static WebhookSecret parse(String formatted) {
        if (formatted == null || !formatted.startsWith(PREFIX)) throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        try {
            return new WebhookSecret(Base64.getDecoder().decode(formatted.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret is " + PREFIX + " followed by base64 of "
                    + MIN_BYTES + " to " + MAX_BYTES + " bytes");
        }
    }

    /** The key bytes, for signing. */
    public byte[] key() {
        return key.clone();
    }

    /** The form shown to the operator once and given to the receiver. */
    public String formatted() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret secret && Arrays.equals(key, secret.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[***]";
    }
}
