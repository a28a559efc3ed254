package dev.gmailserverauth.sandbox.internal.pubsub;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.gmailserverauth.sandbox.SandboxPushFault;
import dev.gmailserverauth.sandbox.SandboxPushSubscription;
import dev.gmailserverauth.sandbox.internal.SandboxClock;
import dev.gmailserverauth.sandbox.internal.risc.SigningKeys;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The OIDC token on a push, with the claims Google's Pub/Sub sends: {@code iss https://accounts.google.com}, {@code aud}
 * the subscription's audience, {@code email} its service account with {@code email_verified true}, {@code sub} and
 * {@code azp} that account's numeric id, {@code iat}, and {@code exp} an hour later; RS256 with the key set at
 * {@code /oauth2/v3/certs}. A forgery changes exactly one thing.
 */
final class PushTokens {
    static final String GOOGLE_ISSUER = "https://accounts.google.com";
    static final String OTHER_ISSUER = "https://issuer.example.com";
    static final String OTHER_AUDIENCE = "https://attacker.example.com/push";
    static final String OTHER_EMAIL = "someone-else@another-project.iam.gserviceaccount.com";
    private static final Duration LIFETIME = Duration.ofHours(1);

    private final SigningKeys keys;
    private final SandboxClock clock;

    PushTokens(SigningKeys keys, SandboxClock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    String token(SandboxPushSubscription subscription, Optional<SandboxPushFault.Kind> forgery) {
        Predicate<SandboxPushFault.Kind> is = kind -> forgery.filter(kind::equals).isPresent();
        Instant now = clock.now();
        Instant issued = is.test(SandboxPushFault.Kind.EXPIRED) ? now.minus(LIFETIME.multipliedBy(2)) : now;
        String id = numericId(subscription.serviceAccountEmail());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(is.test(SandboxPushFault.Kind.OTHER_ISSUER) ? OTHER_ISSUER : GOOGLE_ISSUER)
                .audience(is.test(SandboxPushFault.Kind.WRONG_AUDIENCE) ? OTHER_AUDIENCE : subscription.audience())
                .claim("azp", id)
                .claim("email", is.test(SandboxPushFault.Kind.WRONG_EMAIL) ? OTHER_EMAIL : subscription.serviceAccountEmail())
                .claim("email_verified", !is.test(SandboxPushFault.Kind.EMAIL_NOT_VERIFIED))
                .subject(id)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(LIFETIME)))
                .build();
        if (is.test(SandboxPushFault.Kind.UNSIGNED)) return new PlainJWT(claims).serialize();
        SigningKeys.Signer signer = is.test(SandboxPushFault.Kind.BAD_SIGNATURE) ? SigningKeys.Signer.IMPOSTOR
                : is.test(SandboxPushFault.Kind.UNKNOWN_KEY) ? SigningKeys.Signer.NEXT : SigningKeys.Signer.CURRENT;
        return keys.sign(claims, signer, Optional.of(JOSEObjectType.JWT));
    }

    /** A stable 21-digit id for a service account address, shaped like Google's. */
    static String numericId(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
            BigInteger n = new BigInteger(1, digest).mod(BigInteger.TEN.pow(20));
            return "1" + String.format("%020d", n);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
