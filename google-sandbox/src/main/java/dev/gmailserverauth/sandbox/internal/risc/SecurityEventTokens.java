package dev.gmailserverauth.sandbox.internal.risc;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent.Tampering;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent;
import dev.gmailserverauth.sandbox.internal.Accounts;
import dev.gmailserverauth.sandbox.internal.SandboxClock;
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
            case TOKEN_REVOKED -> body.put("subject", tokenSubject(event.refreshToken().orElseThrow()));
            default -> body.put("subject", accountSubject(event.email().orElseThrow()));
        }
        event.reason().ifPresent(r -> body.put("reason", r));
        return body;
    }

    private Map<String, Object> accountSubject(String email) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("subject_type", "iss-sub");
        subject.put("iss", issuer.risc());
        subject.put("sub", accounts.require(email).id());
        return subject;
    }

    private static Map<String, Object> tokenSubject(String refreshToken) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("subject_type", "oauth_token");
        subject.put("token_type", "refresh_token");
        subject.put("token_identifier_alg", "prefix");
        subject.put("token", refreshToken.substring(0, 16));
        return subject;
    }
}
