package dev.gmailserverauth.sandbox.internal.oauth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.IdentityState;
import dev.gmailserverauth.sandbox.internal.SandboxClock;
import dev.gmailserverauth.sandbox.internal.risc.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * ID tokens with Google's claims, signed RS256 with the sandbox's current key: they verify against the JWKS at
 * {@code /oauth2/v3/certs}, and {@code iss} is the sandbox's issuer.
 */
public final class IdTokens {
    private static final long LIFETIME_SECONDS = 3600;
    private final SandboxClock clock;
    private final IdentityState identity;

    public IdTokens(SandboxClock clock, IdentityState identity) {
        this.clock = clock;
        this.identity = identity;
    }

    public String create(Account account, String clientId, List<String> scopes, String accessToken) {
        long now = clock.now().getEpochSecond();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(identity.issuer().oidc())
                .claim("azp", clientId)
                .audience(clientId)
                .subject(account.id());
        identity.workspace().hostedDomain(account.id()).ifPresent(hd -> claims.claim("hd", hd));
        if (scopes.contains(OAuthScopes.EMAIL)) {
            claims.claim("email", account.email()).claim("email_verified", true);
        }
        claims.claim("at_hash", atHash(accessToken));
        if (scopes.contains(OAuthScopes.PROFILE)) {
            claims.claim("name", account.displayName()).claim("given_name", account.givenName());
            if (!account.familyName().isEmpty()) claims.claim("family_name", account.familyName());
        }
        claims.issueTime(new Date(now * 1000)).expirationTime(new Date((now + LIFETIME_SECONDS) * 1000));
        return identity.keys().sign(claims.build(), SigningKeys.Signer.CURRENT, Optional.of(JOSEObjectType.JWT));
    }

    private static String atHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }
}
