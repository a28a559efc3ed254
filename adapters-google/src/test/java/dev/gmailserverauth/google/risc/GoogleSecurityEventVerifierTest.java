package dev.gmailserverauth.google.risc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gmailserverauth.domain.fake.MutableClock;
import dev.gmailserverauth.domain.model.AccountSubject;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.RefreshToken;
import dev.gmailserverauth.domain.model.RefreshTokenHash;
import dev.gmailserverauth.domain.model.RefreshTokenPrefix;
import dev.gmailserverauth.domain.model.SecurityEvent;
import dev.gmailserverauth.domain.model.SecurityEventToken;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.SecurityEventVerifier.Error;
import dev.gmailserverauth.domain.port.SecurityEventVerifier.Verification;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.sandbox.SandboxConfig;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent.SubjectFormat;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent.Tampering;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The verifier against the sandbox's signing keys, JWKS and risc-configuration, over real HTTP. */
class GoogleSecurityEventVerifierTest {
    /** Nothing listens there: the sandbox's push fails, and the test takes the token it signed. */
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9/risc");
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static final Duration CACHE_TTL = Duration.ofMinutes(5);
    private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);
    private static GoogleSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = GoogleSandbox.start(SandboxConfig.defaults(List.of("http://localhost:8080/oauth2/callback")).withDemoData(false));
        sandbox.control().registerRiscReceiver(NOWHERE);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static RiscConfig config() {
        return RiscConfig.forIssuer(URI.create(sandbox.control().riscIssuer()), SandboxClient.DEFAULT_ID)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withKeySetCaching(CACHE_TTL, REFETCH_INTERVAL);
    }

    private static GoogleSecurityEventVerifier verifier() {
        return GoogleSecurityEventVerifier.create(config(), Clock.systemUTC());
    }

    private static String signed(SandboxSecurityEvent event, Tampering tampering) {
        return sandbox.control().pushSecurityEvent(event, tampering).token();
    }

    private static String account() {
        String email = "risc-" + ACCOUNTS.incrementAndGet() + "@example.com";
        sandbox.control().addAccount(email, "RISC test");
        return email;
    }

    private static SecurityEvent verifiedEvent(Verification verification) {
        assertThat(verification).isInstanceOf(Verification.Verified.class);
        SecurityEventToken token = ((Verification.Verified) verification).token();
        assertThat(token.events()).hasSize(1);
        return token.events().get(0);
    }

    private static void assertRejected(Verification verification, Error error) {
        assertThat(verification).isInstanceOfSatisfying(Verification.Rejected.class, rejected -> assertThat(rejected.error()).isEqualTo(error));
    }

    @Test
    void everyAccountEventIsReadWithThePersonsGoogleId() {
        GoogleSecurityEventVerifier verifier = verifier();
        String email = account();
        UserId id = new UserId(sandbox.control().userId(email));
        assertThat(verifiedEvent(verifier.verify(signed(SandboxSecurityEvent.tokensRevoked(email), Tampering.NONE))))
                .isEqualTo(new SecurityEvent.TokensRevoked(id));
        assertThat(verifiedEvent(verifier.verify(signed(SandboxSecurityEvent.sessionsRevoked(email), Tampering.NONE))))
                .isEqualTo(new SecurityEvent.SessionsRevoked(id));
        assertThat(verifiedEvent(verifier.verify(signed(SandboxSecurityEvent.accountDisabled(email, "hijacking"), Tampering.NONE))))
                .isEqualTo(new SecurityEvent.AccountDisabled(id, Optional.of("hijacking")));
        assertThat(verifiedEvent(verifier.verify(signed(SandboxSecurityEvent.accountDisabled(email), Tampering.NONE))))
                .isEqualTo(new SecurityEvent.AccountDisabled(id, Optional.empty()));
        assertThat(verifiedEvent(verifier.verify(signed(SandboxSecurityEvent.accountEnabled(email), Tampering.NONE))))
                .isEqualTo(new SecurityEvent.AccountEnabled(id));
        assertThat(verifiedEvent(verifier.verify(signed(SandboxSecurityEvent.accountPurged(email), Tampering.NONE))))
                .isEqualTo(new SecurityEvent.AccountPurged(id));
        assertThat(verifiedEvent(verifier.verify(signed(SandboxSecurityEvent.accountCredentialChangeRequired(email), Tampering.NONE))))
                .isEqualTo(new SecurityEvent.AccountCredentialChangeRequired(id));
    }

    @Test
    void tokenRevokedNamesTheRefreshTokenByItsFirstSixteenCharacters() {
        String refreshToken = "1//0gAbCdEfGhIjKlMnOpQrStUvWxYz-0123456789";
        SecurityEvent event = verifiedEvent(verifier().verify(signed(SandboxSecurityEvent.tokenRevoked(refreshToken), Tampering.NONE)));
        assertThat(event).isEqualTo(new SecurityEvent.TokenRevoked(new RefreshTokenPrefix(refreshToken.substring(0, 16))));
    }

    @Test
    void tokenRevokedMayNameTheRefreshTokenByItsDoubleSha512() {
        RefreshToken refreshToken = new RefreshToken("1//0gAbCdEfGhIjKlMnOpQrStUvWxYz-0123456789");
        SecurityEvent event = verifiedEvent(verifier().verify(signed(SandboxSecurityEvent.tokenRevoked(refreshToken.value())
                .withSubjectFormat(SubjectFormat.HASH_BASE64_SHA512_SHA512), Tampering.NONE)));
        assertThat(event).isEqualTo(new SecurityEvent.TokenRevoked(
                new RefreshTokenHash("F/qXPzPxP4YI6TeuieUMmRGARX5fo+IkCZgQIhYbaAQodU5JH80/mvVO5x4JEH8bN2UxGxxMSv0tBQgvR38wmw==")));
        assertThat(((SecurityEvent.TokenRevoked) event).token().identifies(refreshToken)).isTrue();
    }

    @Test
    void anIdTokenClaimsSubjectIsReadWithItsAccountIdAndEmail() {
        String email = account();
        UserId id = new UserId(sandbox.control().userId(email));
        assertThat(verifiedEvent(verifier().verify(signed(SandboxSecurityEvent.accountDisabled(email, "hijacking")
                .withSubjectFormat(SubjectFormat.ID_TOKEN_CLAIMS), Tampering.NONE))))
                .isEqualTo(new SecurityEvent.AccountDisabled(new AccountSubject(Optional.of(id), Optional.of(new EmailAddress(email))),
                        Optional.of("hijacking")));
    }

    @Test
    void verificationEchoesItsState() {
        assertThat(verifiedEvent(verifier().verify(signed(SandboxSecurityEvent.verification("state-42"), Tampering.NONE))))
                .isEqualTo(new SecurityEvent.Verification(Optional.of("state-42")));
    }

    @Test
    void aVerifiedTokenCarriesItsJtiAndIssueTime() {
        var delivery = sandbox.control().pushSecurityEvent(SandboxSecurityEvent.sessionsRevoked(account()));
        Verification verification = verifier().verify(delivery.token());
        assertThat(verification).isInstanceOfSatisfying(Verification.Verified.class, verified -> {
            assertThat(verified.token().id().value()).isEqualTo(delivery.jti());
            assertThat(verified.token().issuedAt()).isBetween(delivery.at().minusSeconds(5), delivery.at().plusSeconds(5));
        });
    }

    @Test
    void aBadSignatureIsAnInvalidKey() {
        assertRejected(verifier().verify(signed(SandboxSecurityEvent.sessionsRevoked(account()), Tampering.BAD_SIGNATURE)), Error.INVALID_KEY);
    }

    @Test
    void anotherIssuerIsRefused() {
        assertRejected(verifier().verify(signed(SandboxSecurityEvent.sessionsRevoked(account()), Tampering.WRONG_ISSUER)), Error.INVALID_ISSUER);
    }

    @Test
    void anotherAudienceIsRefused() {
        assertRejected(verifier().verify(signed(SandboxSecurityEvent.sessionsRevoked(account()), Tampering.WRONG_AUDIENCE)), Error.INVALID_AUDIENCE);
    }

    @Test
    void anUnknownKeyIdIsRefusedThenTheRotatedKeySetIsPickedUpWhenItsCacheEnds() {
        MutableClock clock = new MutableClock(Instant.now());
        GoogleSecurityEventVerifier verifier = GoogleSecurityEventVerifier.create(config(), clock);
        String email = account();
        assertThat(verifier.verify(signed(SandboxSecurityEvent.sessionsRevoked(email), Tampering.NONE))).isInstanceOf(Verification.Verified.class);
        String underNextKey = signed(SandboxSecurityEvent.sessionsRevoked(email), Tampering.UNKNOWN_KEY_ID);
        assertRejected(verifier.verify(underNextKey), Error.INVALID_KEY); // fetched for it: absent
        sandbox.control().rotateSigningKey();
        assertRejected(verifier.verify(underNextKey), Error.INVALID_KEY); // remembered as absent: no fetch
        clock.advance(CACHE_TTL.plusSeconds(1)); // the scheduled refetch brings the rotated set
        assertThat(verifier.verify(underNextKey)).isInstanceOf(Verification.Verified.class);
        assertThat(verifier.verify(signed(SandboxSecurityEvent.sessionsRevoked(email), Tampering.NONE))).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void forgedKeyIdsCannotMakeAGenuineEventUnderAFreshlyRotatedKeyBeRefusedItIsDeferredThenAccepted() throws JOSEException {
        MutableClock clock = new MutableClock(Instant.now());
        GoogleSecurityEventVerifier verifier = GoogleSecurityEventVerifier.create(config(), clock);
        String email = account();
        assertThat(verifier.verify(signed(SandboxSecurityEvent.sessionsRevoked(email), Tampering.NONE))).isInstanceOf(Verification.Verified.class);
        String firstForgery = forgedUnderRandomKeyId();
        assertRejected(verifier.verify(firstForgery), Error.INVALID_KEY); // spends the refetch allowance
        assertThat(verifier.verify(forgedUnderRandomKeyId())).isInstanceOf(Verification.Unavailable.class); // not refused: unknown
        assertRejected(verifier.verify(firstForgery), Error.INVALID_KEY); // remembered: costs nothing, refused at once

        sandbox.control().rotateSigningKey(); // Google publishes a new key and signs a hijacking event with it
        String genuine = signed(SandboxSecurityEvent.accountDisabled(email, "hijacking"), Tampering.NONE);
        Verification first = verifier.verify(genuine);
        assertThat(first).isInstanceOfSatisfying(Verification.Unavailable.class, unavailable -> {
            assertThat(unavailable.retryAfter()).isPositive().isLessThanOrEqualTo(REFETCH_INTERVAL);
            clock.advance(unavailable.retryAfter());
        });
        assertThat(verifiedEvent(verifier.verify(genuine))) // Google's redelivery
                .isEqualTo(new SecurityEvent.AccountDisabled(new UserId(sandbox.control().userId(email)), Optional.of("hijacking")));
    }

    /** A token that names a key id nobody published, signed with a key of the forger's own. */
    private static String forgedUnderRandomKeyId() throws JOSEException {
        RSAKey forgersKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(sandbox.control().riscIssuer()).audience(SandboxClient.DEFAULT_ID)
                .issueTime(new Date()).jwtID(UUID.randomUUID().toString())
                .claim("events", Map.of(SecurityEvent.Verification.TYPE, Map.of("state", "forged"))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(forgersKey.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(forgersKey));
        return jwt.serialize();
    }

    @Test
    void notAJwtIsAnInvalidRequest() {
        assertRejected(verifier().verify("hello"), Error.INVALID_REQUEST);
        assertRejected(verifier().verify(""), Error.INVALID_REQUEST);
        assertRejected(verifier().verify("eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0."), Error.INVALID_REQUEST);
        assertRejected(verifier().verify("x".repeat(GoogleSecurityEventVerifier.MAX_TOKEN_LENGTH + 1)), Error.INVALID_REQUEST);
    }

    @Test
    void aTokenMacedInsteadOfSignedIsRefusedBeforeAnyKeyLookUp() throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(sandbox.control().riscIssuer()).audience(SandboxClient.DEFAULT_ID)
                .issueTime(new Date()).jwtID("mac-1").claim("events", Map.of(SecurityEvent.Verification.TYPE, Map.of("state", "x"))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner("a shared secret of at least 256 bits, for HS256!!".getBytes(StandardCharsets.US_ASCII)));
        assertRejected(verifier().verify(jwt.serialize()), Error.INVALID_REQUEST);
    }

    @Test
    void theIssuerIsAcceptedConfiguredWithOrWithoutItsTrailingSlashAndTokensCarryTheDocumentsSpelling() {
        String published = sandbox.control().riscIssuer();
        assertThat(published).endsWith("/"); // as Google's https://accounts.google.com/
        for (String configured : List.of(published, published.substring(0, published.length() - 1))) {
            RiscConfig config = RiscConfig.forIssuer(URI.create(configured), SandboxClient.DEFAULT_ID)
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
            Verification verification = GoogleSecurityEventVerifier.create(config, Clock.systemUTC())
                    .verify(signed(SandboxSecurityEvent.sessionsRevoked(account()), Tampering.NONE));
            assertThat(verification).as("configured as %s", configured).isInstanceOf(Verification.Verified.class);
        }
    }

    @Test
    void aConfigurationDocumentNamingAnotherIssuerIsRefusedAtLoadWithAClearErrorAndNothingIsTrusted() {
        RiscConfig misconfigured = RiscConfig.forIssuer(URI.create("https://accounts.example.com/"), SandboxClient.DEFAULT_ID)
                .withDiscoveryUrl(config().discoveryUrl());
        MutableClock clock = new MutableClock(Instant.now());
        GoogleSecurityEventVerifier verifier = GoogleSecurityEventVerifier.create(misconfigured, clock);
        String token = signed(SandboxSecurityEvent.sessionsRevoked(account()), Tampering.NONE);
        // Deferred, not refused: once the operator fixes GOOGLE_RISC_ISSUER, Google's redelivery is acted on.
        assertThat(verifier.verify(token)).isInstanceOfSatisfying(Verification.Unavailable.class, unavailable -> assertThat(unavailable.description())
                .contains("names issuer " + sandbox.control().riscIssuer(), "not the configured https://accounts.example.com/"));
        // Not read again for every token before the refetch interval has passed.
        assertThat(verifier.verify(token)).isInstanceOfSatisfying(Verification.Unavailable.class,
                unavailable -> assertThat(unavailable.description()).contains("not the configured", "read again after"));
        clock.advance(REFETCH_INTERVAL);
        assertThat(verifier.verify(token)).isInstanceOfSatisfying(Verification.Unavailable.class,
                unavailable -> assertThat(unavailable.description()).contains("not the configured").doesNotContain("read again after"));
    }

    @Test
    void issuersDifferingOnlyByATrailingSlashAreTheSameAndOthersAreNot() {
        assertThat(GoogleSecurityEventVerifier.sameIssuer("https://accounts.google.com", "https://accounts.google.com/")).isTrue();
        assertThat(GoogleSecurityEventVerifier.sameIssuer("https://accounts.google.com/", "https://accounts.google.com")).isTrue();
        assertThat(GoogleSecurityEventVerifier.sameIssuer("https://accounts.google.com/", "https://accounts.google.com/")).isTrue();
        assertThat(GoogleSecurityEventVerifier.sameIssuer("https://accounts.google.com/", "https://accounts.google.co/")).isFalse();
        assertThat(GoogleSecurityEventVerifier.sameIssuer("https://accounts.google.com//", "https://accounts.google.com")).isFalse();
    }

    @Test
    void anUnreachableIssuerIsATemporaryFailureNotARefusalNorAnException() {
        RiscConfig unreachable = config().withDiscoveryUrl(URI.create("http://127.0.0.1:9/.well-known/risc-configuration"));
        Verification verification = GoogleSecurityEventVerifier.create(unreachable, Clock.systemUTC())
                .verify(signed(SandboxSecurityEvent.sessionsRevoked(account()), Tampering.NONE));
        assertThat(verification).isInstanceOfSatisfying(Verification.Unavailable.class, unavailable -> {
            assertThat(unavailable.description()).contains("could not be fetched");
            assertThat(unavailable.retryAfter()).isPositive();
        });
    }
}
