package dev.gmailserverauth.bootstrap.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.bootstrap.ApiClient;
import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.bootstrap.HttpSignIn;
import dev.gmailserverauth.bootstrap.TestApps;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.persistence.PersistenceConfig;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxRiscDelivery;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent.Tampering;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
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
    private static GmailServerAuth app;
    private static SandboxControl sandbox;
    private static String databaseUrl;
    private final HttpSignIn signIn = new HttpSignIn();
    private final ApiClient api = new ApiClient();

    @BeforeAll
    static void start() throws IOException {
        databaseUrl = "jdbc:sqlite:" + Files.createTempDirectory("risc-receiver").resolve("app.db");
        app = TestApps.startSandboxApp(Map.of("APP_DATABASE_URL", databaseUrl));
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
        SandboxRiscDelivery underNextKey = sandbox.pushSecurityEvent(SandboxSecurityEvent.sessionsRevoked(person.email()), Tampering.UNKNOWN_KEY_ID);
        assertRefused(underNextKey, "invalid_key");
        assertThat(isSignedIn(person)).isTrue();
        sandbox.rotateSigningKey();
        // Refused tokens are not recorded, so Google's redelivery of the same jti is acted on.
        assertThat(sandbox.replaySecurityEvent(underNextKey.jti()).accepted()).isTrue();
        assertThat(isSignedIn(person)).isFalse();
        assertThat(push(SandboxSecurityEvent.verification("after-rotation")).accepted()).isTrue();
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
