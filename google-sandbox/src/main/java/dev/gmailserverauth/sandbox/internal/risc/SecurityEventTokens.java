package dev.gmailserverauth.sandbox.internal.risc;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent.SubjectFormat;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent.Tampering;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent;
import dev.gmailserverauth.sandbox.internal.Accounts;
import dev.gmailserverauth.sandbox.internal.SandboxClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Security event tokens (RFC 8417) as Google's Cross-Account Protection sends them: RS256, {@code kid} in the
 * header, claims {@code iss}, {@code aud} (one client id), {@code iat}, {@code jti} and {@code events}; no {@code exp}.
 */
final class SecurityEventTokens {
    private final Accounts accounts;
    private final SandboxIssuer issuer;
    private final SigningKeys keys;
    private final SandboxClock clock;

    public SecurityEventTokens(Accounts accounts, SandboxIssuer issuer, SigningKeys keys, SandboxClock clock) {
        this.accounts = accounts;
        this.issuer = issuer;
        this.keys = keys;
        this.clock = clock;
    }

    public String sign(SandboxSecurityEvent event, String audience, String jti, Tampering tampering) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(tampering == Tampering.WRONG_ISSUER ? SandboxSecurityEvent.FOREIGN_ISSUER : issuer.risc())
                .audience(tampering == Tampering.WRONG_AUDIENCE ? SandboxSecurityEvent.FOREIGN_AUDIENCE : audience)
                .issueTime(Date.from(clock.now()))
                .jwtID(jti)
                .claim("events", Map.of(event.type().uri(), body(event)))
                .build();
        SigningKeys.Signer signer = switch (tampering) {
            case BAD_SIGNATURE -> SigningKeys.Signer.IMPOSTOR;
            case UNKNOWN_KEY_ID -> SigningKeys.Signer.NEXT;
            default -> SigningKeys.Signer.CURRENT;
        };
        return keys.sign(claims, signer, Optional.empty());
    }

    private Map<String, Object> body(SandboxSecurityEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (event.type()) {
            case VERIFICATION -> body.put("state", event.state().orElseThrow());
            case TOKEN_REVOKED -> body.put("subject", tokenSubject(event.refreshToken().orElseThrow(), event.subjectFormat()));
            default -> body.put("subject", accountSubject(event.email().orElseThrow(), event.subjectFormat()));
        }
        event.reason().ifPresent(r -> body.put("reason", r));
        return body;
    }

    private Map<String, Object> accountSubject(String email, SubjectFormat format) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("subject_type", format.wireName());
        subject.put("iss", issuer.risc());
        subject.put("sub", accounts.require(email).id());
        if (format == SubjectFormat.ID_TOKEN_CLAIMS) subject.put("email", email);
        return subject;
    }

    private static Map<String, Object> tokenSubject(String refreshToken, SubjectFormat format) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("subject_type", "oauth_token");
        subject.put("token_type", "refresh_token");
        subject.put("token_identifier_alg", format.wireName());
        subject.put("token", format == SubjectFormat.HASH_BASE64_SHA512_SHA512 ? doubleSha512(refreshToken) : refreshToken.substring(0, 16));
        return subject;
    }

    /** Base64 (standard, padded) of SHA-512 of SHA-512 of the token's UTF-8 bytes, the inner digest as raw bytes. */
    private static String doubleSha512(String refreshToken) {
        try {
            MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
            byte[] inner = sha512.digest(refreshToken.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha512.digest(inner));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-512", e);
        }
    }
}
