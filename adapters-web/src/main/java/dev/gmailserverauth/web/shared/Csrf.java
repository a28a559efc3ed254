package dev.gmailserverauth.web.shared;

import dev.gmailserverauth.domain.model.SessionToken;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The anti-forgery token of a session: an HMAC of a fixed label keyed by the session token. Nothing is
 * stored, every instance computes the same value, and a leaked session store (which holds only the
 * SHA-256 of session tokens) does not reveal it. Another site cannot read it, so it cannot forge a POST.
 */
public final class Csrf {
    public static final String FIELD = "csrf";
    private static final byte[] LABEL = "gmail-server-auth csrf v1".getBytes(StandardCharsets.US_ASCII);

    private Csrf() {
    }

    static String tokenFor(SessionToken session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(session.value().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    /** Compares in constant time. */
    public static boolean matches(SessionToken session, String presented) {
        return MessageDigest.isEqual(tokenFor(session).getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.UTF_8));
    }
}
