package dev.gmailserverauth.bootstrap.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.bootstrap.ApiClient;
import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.bootstrap.HttpSignIn;
import dev.gmailserverauth.bootstrap.TestApps;
import dev.gmailserverauth.domain.fake.MutableClock;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.google.risc.RiscConfig;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.persistence.PersistenceConfig;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxRiscDelivery;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent.SubjectFormat;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent.Tampering;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gmailserverauth.sandbox.SandboxClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Cross-Account Protection receiver of the whole application, in sandbox mode: the sandbox signs
 * each event with its RS256 key and POSTs it over real HTTP to the receiver it registered at start; the
 * app verifies it against the sandbox's JWKS (found through its risc-configuration) and acts on it.
 */
class RiscReceiverTest {
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    /** The application's clock, moved forward to let the key set's cache end (the sandbox keeps its own). */
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static GmailServerAuth app;
    private static SandboxControl sandbox;
    private static String databaseUrl;
    private final HttpSignIn signIn = new HttpSignIn();
    private final ApiClient api = new ApiClient();

    @BeforeAll
    static void start() throws IOException {
        databaseUrl = "jdbc:sqlite:" + Files.createTempDirectory("risc-receiver").resolve("app.db");
        app = TestApps.startSandboxApp(Map.of("APP_DATABASE_URL", databaseUrl), CLOCK);
        sandbox = app.sandbox().orElseThrow().control();
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    /** A person who signed in to the app; returns their session cookie. */
    private record Person(String email, String cookie) {
    }

    private Person signedIn() {
        String email = "risc-" + ACCOUNTS.incrementAndGet() + "@example.com";
        sandbox.addAccount(email, "RISC person");
        return new Person(email, signIn.signIn(app.baseUrl(), email));
    }

    private boolean isSignedIn(Person person) {
        return api.get(app.baseUrl().resolve("/api/me"), person.cookie()).statusCode() == 200;
    }

    private boolean isConnected(Person person) {
        String cookie = signIn.signIn(app.baseUrl(), person.email());
        return api.get(app.baseUrl().resolve("/api/account"), cookie).body().contains("\"connected\":true");
    }

    private String accountJson(Person person) {
        return api.get(app.baseUrl().resolve("/api/account"), person.cookie()).body();
    }

    private static SandboxRiscDelivery push(SandboxSecurityEvent event) {
        return sandbox.pushSecurityEvent(event);
    }

    /** What Google does before it tells the receiver the grant is gone: revokes it (pushing nothing itself). */
    private static SandboxRiscDelivery revokeAndPush(Person person, SandboxSecurityEvent event) {
        sandbox.revokeGrants(person.email());
        return push(event);
    }

    private static void assertRefused(SandboxRiscDelivery delivery, String error) {
        assertThat(delivery.status()).isEqualTo(400);
        assertThat(delivery.responseBody()).contains("\"err\":\"" + error + "\"");
    }

    /** The refresh token the app stored for the person, read through the persistence port, as the app reads it. */
    private static String storedRefreshToken(Person person) {
        try (Database persistence = Database.open(PersistenceConfig.of(databaseUrl))) {
            return persistence.credentials().findByUserId(new UserId(sandbox.userId(person.email()))).orElseThrow()
                    .refreshToken().value();
        }
    }

    @Test
    void aGoodTokenIsAcceptedWith202AndActedOn() {
        Person person = signedIn();
        assertThat(isSignedIn(person)).isTrue();
        SandboxRiscDelivery delivery = push(SandboxSecurityEvent.sessionsRevoked(person.email()));
        assertThat(delivery.accepted()).isTrue();
        assertThat(isSignedIn(person)).isFalse();
    }

    @Test
    void aBadSignatureIsRefusedAndChangesNothing() {
        Person person = signedIn();
        assertRefused(sandbox.pushSecurityEvent(SandboxSecurityEvent.sessionsRevoked(person.email()), Tampering.BAD_SIGNATURE), "invalid_key");
        assertThat(isSignedIn(person)).isTrue();
    }

    @Test
    void anotherAudienceIsRefused() {
        Person person = signedIn();
        assertRefused(sandbox.pushSecurityEvent(SandboxSecurityEvent.tokensRevoked(person.email()), Tampering.WRONG_AUDIENCE), "invalid_audience");
        assertThat(isSignedIn(person)).isTrue();
    }

    @Test
    void anotherIssuerIsRefused() {
        Person person = signedIn();
        assertRefused(sandbox.pushSecurityEvent(SandboxSecurityEvent.tokensRevoked(person.email()), Tampering.WRONG_ISSUER), "invalid_issuer");
        assertThat(isSignedIn(person)).isTrue();
    }

    @Test
    void aReplayedJtiIsAcceptedButNotActedOnAgain() {
        Person person = signedIn();
        SandboxRiscDelivery first = push(SandboxSecurityEvent.sessionsRevoked(person.email()));
        assertThat(first.accepted()).isTrue();
        Person again = new Person(person.email(), signIn.signIn(app.baseUrl(), person.email()));
        SandboxRiscDelivery replay = sandbox.replaySecurityEvent(first.jti());
        assertThat(replay.replay()).isTrue();
        assertThat(replay.accepted()).isTrue();
        assertThat(isSignedIn(again)).isTrue();
    }

    @Test
    void anUnknownKeyIdIsRefusedUntilTheSandboxRotatesItsKeysThenTheSameTokenIsActedOn() {
        Person person = signedIn();
        CLOCK.advance(RiscConfig.DEFAULT_KEY_SET_REFETCH_INTERVAL); // whatever ran before, the refetch allowance is whole
        SandboxRiscDelivery underNextKey = sandbox.pushSecurityEvent(SandboxSecurityEvent.sessionsRevoked(person.email()), Tampering.UNKNOWN_KEY_ID);
        assertRefused(underNextKey, "invalid_key");
        assertThat(isSignedIn(person)).isTrue();
        sandbox.rotateSigningKey();
        // The same limiter as against Google: the rotated key set is fetched when the cached one ends.
        CLOCK.advance(RiscConfig.DEFAULT_KEY_SET_CACHE_TTL.plusSeconds(1));
        // Refused tokens are not recorded, so Google's redelivery of the same jti is acted on.
        assertThat(sandbox.replaySecurityEvent(underNextKey.jti()).accepted()).isTrue();
        assertThat(isSignedIn(person)).isFalse();
        assertThat(push(SandboxSecurityEvent.verification("after-rotation")).accepted()).isTrue();
    }

    @Test
    void forgedTokensUnderRandomKeyIdsCannotGetAGenuineHijackingEventUnderAFreshKeyRefusedItIsDeliveredAgainAndActedOn() throws Exception {
        Person person = signedIn();
        CLOCK.advance(RiscConfig.DEFAULT_KEY_SET_REFETCH_INTERVAL);
        assertThat(postToReceiver(forgedUnderRandomKeyId()).statusCode()).isEqualTo(400); // spends the refetch allowance
        HttpResponse<String> second = postToReceiver(forgedUnderRandomKeyId());
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(second.headers().firstValue("Retry-After")).isPresent();

        sandbox.rotateSigningKey(); // Google publishes a new key and signs with it
        SandboxRiscDelivery genuine = push(SandboxSecurityEvent.accountDisabled(person.email(), "hijacking"));
        assertThat(genuine.status()).isEqualTo(503);
        assertThat(genuine.responseBody()).contains("\"err\":\"temporarily_unavailable\"");
        assertThat(isSignedIn(person)).isTrue();

        CLOCK.advance(RiscConfig.DEFAULT_KEY_SET_REFETCH_INTERVAL); // Google waits Retry-After, then delivers again
        assertThat(sandbox.replaySecurityEvent(genuine.jti()).accepted()).isTrue();
        assertThat(isSignedIn(person)).isFalse();
        CLOCK.advance(RiscConfig.DEFAULT_KEY_SET_REFETCH_INTERVAL);
    }

    /** POSTs a token straight to the app's receiver, as anyone on the network can. */
    private static HttpResponse<String> postToReceiver(String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(app.baseUrl().resolve("/risc/events"))
                .header("Content-Type", "application/secevent+jwt").POST(HttpRequest.BodyPublishers.ofString(token)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A security event naming a key id nobody published, signed with a key of the forger's own. */
    private static String forgedUnderRandomKeyId() throws JOSEException {
        RSAKey forgersKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(sandbox.riscIssuer()).audience(SandboxClient.DEFAULT_ID)
                .issueTime(new Date()).jwtID(UUID.randomUUID().toString())
                .claim("events", Map.of("https://schemas.openid.net/secevent/risc/event-type/verification", Map.of("state", "forged")))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(forgersKey.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(forgersKey));
        return jwt.serialize();
    }

    @Test
    void tokensRevokedDeletesTheGrantAndSignsThePersonOut() {
        Person person = signedIn();
        assertThat(revokeAndPush(person, SandboxSecurityEvent.tokensRevoked(person.email())).accepted()).isTrue();
        assertThat(isSignedIn(person)).isFalse();
        String account = accountJson(new Person(person.email(), signIn.signIn(app.baseUrl(), person.email())));
        assertThat(account).contains("\"kind\":\"REVOKED_BY_GOOGLE\"", "tokens-revoked");
    }

    @Test
    void tokenRevokedNamingTheStoredRefreshTokenDeletesTheGrantAndSignsThePersonOut() {
        Person person = signedIn();
        String refreshToken = storedRefreshToken(person);
        assertThat(revokeAndPush(person, SandboxSecurityEvent.tokenRevoked(refreshToken)).accepted()).isTrue();
        assertThat(isSignedIn(person)).isFalse();
        assertThat(accountJson(new Person(person.email(), signIn.signIn(app.baseUrl(), person.email())))).contains("token-revoked");
    }

    @Test
    void tokenRevokedNamingTheStoredRefreshTokenByItsDoubleSha512DeletesTheGrantAndSignsThePersonOut() {
        Person person = signedIn();
        SandboxSecurityEvent byHash = SandboxSecurityEvent.tokenRevoked(storedRefreshToken(person))
                .withSubjectFormat(SubjectFormat.HASH_BASE64_SHA512_SHA512);
        assertThat(revokeAndPush(person, byHash).accepted()).isTrue();
        assertThat(isSignedIn(person)).isFalse();
        assertThat(accountJson(new Person(person.email(), signIn.signIn(app.baseUrl(), person.email())))).contains("token-revoked");
    }

    @Test
    void anIdTokenClaimsSubjectWithAnEmailIsActedOn() {
        Person hijacked = signedIn();
        SandboxSecurityEvent disabled = SandboxSecurityEvent.accountDisabled(hijacked.email(), "hijacking")
                .withSubjectFormat(SubjectFormat.ID_TOKEN_CLAIMS);
        assertThat(revokeAndPush(hijacked, disabled).accepted()).isTrue();
        assertThat(isSignedIn(hijacked)).isFalse();
        assertThat(signIn.complete(app.baseUrl(), hijacked.email()).statusCode()).isEqualTo(403);
        assertThat(push(SandboxSecurityEvent.accountEnabled(hijacked.email()).withSubjectFormat(SubjectFormat.ID_TOKEN_CLAIMS)).accepted())
                .isTrue();
        Person back = new Person(hijacked.email(), signIn.signIn(app.baseUrl(), hijacked.email()));
        assertThat(isSignedIn(back)).isTrue();
        assertThat(push(SandboxSecurityEvent.sessionsRevoked(back.email()).withSubjectFormat(SubjectFormat.ID_TOKEN_CLAIMS)).accepted())
                .isTrue();
        assertThat(isSignedIn(back)).isFalse();
    }

    @Test
    void tokenRevokedNamingAnotherTokenChangesNothing() {
        Person person = signedIn();
        assertThat(push(SandboxSecurityEvent.tokenRevoked("1//0zzzzNotOurTokenAtAll")).accepted()).isTrue();
        assertThat(isSignedIn(person)).isTrue();
    }

    @Test
    void sessionsRevokedAndCredentialChangeRequiredEndTheSessionsButKeepTheGrant() {
        Person person = signedIn();
        assertThat(push(SandboxSecurityEvent.accountCredentialChangeRequired(person.email())).accepted()).isTrue();
        assertThat(isSignedIn(person)).isFalse();
        Person back = new Person(person.email(), signIn.signIn(app.baseUrl(), person.email()));
        assertThat(accountJson(back)).contains("\"connected\":true", "account-credential-change-required");
        assertThat(push(SandboxSecurityEvent.sessionsRevoked(back.email())).accepted()).isTrue();
        assertThat(isSignedIn(back)).isFalse();
    }

    @Test
    void accountDisabledForHijackingSignsOutAndRefusesSignInUntilAccountEnabled() {
        Person person = signedIn();
        assertThat(revokeAndPush(person, SandboxSecurityEvent.accountDisabled(person.email(), "hijacking")).accepted()).isTrue();
        assertThat(isSignedIn(person)).isFalse();
        var refused = signIn.complete(app.baseUrl(), person.email());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Sign-in suspended");
        assertThat(push(SandboxSecurityEvent.accountEnabled(person.email())).accepted()).isTrue();
        assertThat(isSignedIn(new Person(person.email(), signIn.signIn(app.baseUrl(), person.email())))).isTrue();
    }

    @Test
    void accountDisabledForAnotherReasonAndAccountPurgedRevokeWithoutAHold() {
        Person bulk = signedIn();
        assertThat(revokeAndPush(bulk, SandboxSecurityEvent.accountDisabled(bulk.email(), "bulk-account")).accepted()).isTrue();
        assertThat(isSignedIn(bulk)).isFalse();
        assertThat(isConnected(bulk)).isTrue(); // signing in again works: no hold
        Person purged = signedIn();
        assertThat(revokeAndPush(purged, SandboxSecurityEvent.accountPurged(purged.email())).accepted()).isTrue();
        assertThat(isSignedIn(purged)).isFalse();
    }

    @Test
    void verificationIsAcknowledged() {
        assertThat(push(SandboxSecurityEvent.verification("state-" + ACCOUNTS.incrementAndGet())).accepted()).isTrue();
    }

    @Test
    void anEventForSomeoneUnknownIsAccepted() {
        String stranger = "stranger-" + ACCOUNTS.incrementAndGet() + "@example.com";
        sandbox.addAccount(stranger, "Never signed in");
        assertThat(push(SandboxSecurityEvent.accountDisabled(stranger, "hijacking")).accepted()).isTrue();
        assertThat(push(SandboxSecurityEvent.tokensRevoked(stranger)).accepted()).isTrue();
    }
}
