package dev.gmailserverauth.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a receiver does with a delivery, written here from the Standard Webhooks specification and not from the code
 * that signs: decode the key after {@code whsec_}, refuse a timestamp more than five minutes off, and accept when any
 * {@code v1,} signature matches in constant time. Published in this module's test-jar for bootstrap's end-to-end tests.
 */
public final class IndependentVerifier {
    private static final long TOLERANCE_SECONDS = 5 * 60;
    private final byte[] key;

    public IndependentVerifier(String whsecSecret) {
        this.key = Base64.getDecoder().decode(whsecSecret.substring("whsec_".length()));
    }

    /** Empty when verified; else why not. */
    public Optional<String> problem(String id, String timestamp, String signatureHeader, byte[] rawBody, Instant now) {
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Optional.of("bad timestamp");
        }
        if (Math.abs(now.getEpochSecond() - sent) > TOLERANCE_SECONDS) return Optional.of("timestamp outside tolerance");
        byte[] expected = hmac(id + "." + timestamp + "." + new String(rawBody, StandardCharsets.UTF_8));
        for (String entry : signatureHeader.split(" ")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals("v1")) continue;
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) return Optional.empty();
        }
        return Optional.of("no matching signature");
    }

    private byte[] hmac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
