package dev.gmailserverauth.webhooks;

import dev.gmailserverauth.domain.event.EventId;
import dev.gmailserverauth.domain.webhook.SigningSecrets;
import dev.gmailserverauth.domain.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header of the Standard Webhooks specification: for each secret,
 * {@code v1,} and the base64 HMAC-SHA256 of {@code <webhook-id>.<webhook-timestamp>.<body>} keyed with the secret's
 * decoded bytes; several (during a rotation) separated by spaces.
 */
public final class StandardWebhookSignature {
    private StandardWebhookSignature() {
    }

    public static String header(EventId id, long timestamp, String body, SigningSecrets secrets) {
        return secrets.all().stream().map(secret -> "v1," + sign(id.value(), timestamp, body, secret)).collect(Collectors.joining(" "));
    }

    static String sign(String id, long timestamp, String body, WebhookSecret secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}
