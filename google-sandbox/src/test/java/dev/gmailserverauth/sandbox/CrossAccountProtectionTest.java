package dev.gmailserverauth.sandbox;

import static dev.gmailserverauth.sandbox.SandboxHarness.json;
import static dev.gmailserverauth.sandbox.SandboxHarness.GMAIL_READONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.auth.oauth2.GoogleTokenResponse;
import com.google.gson.JsonObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent.SubjectFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent.Tampering;
import dev.gmailserverauth.sandbox.SandboxSecurityEvent.Type;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Google's side of Cross-Account Protection against a real receiver over HTTP, which verifies every token with
 * nimbus against the sandbox's own JWKS, found through its risc-configuration.
 */
class CrossAccountProtectionTest {
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start();
    private static final SandboxControl control = h.control();
    private static final String alice = h.firstDemoAccount();
    private RiscTestReceiver receiver;

    @BeforeEach
    void listen() {
        receiver = new RiscTestReceiver(h, SandboxClient.DEFAULT_ID);
        control.registerRiscReceiver(receiver.url());
    }

    @AfterEach
    void stopListening() {
        control.unregisterRiscReceiver();
        receiver.close();
    }

    private static String freshAccount(String name) {
        return h.freshAccount(name, "Risc " + name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(JWTClaimsSet claims, Type type) throws ParseException {
        return (Map<String, Object>) claims.getJSONObjectClaim("events").get(type.uri());
    }

    @Test
    void theRiscConfigurationNamesTheIssuerKeysAndStreamEndpoints() {
        JsonObject config = json(h.get(h.url("/.well-known/risc-configuration")).body());
        String base = h.sandbox.baseUrl().toString();

        assertThat(config.get("issuer").getAsString()).isEqualTo(control.riscIssuer()).isEqualTo(base + "/");
        assertThat(config.get("jwks_uri").getAsString()).isEqualTo(base + "/oauth2/v3/certs");
        assertThat(config.getAsJsonArray("delivery_methods_supported").get(0).getAsString())
                .isEqualTo("https://schemas.openid.net/secevent/risc/delivery-method/push");
        assertThat(config.get("configuration_endpoint").getAsString()).isEqualTo(base + "/v1beta/stream");
        assertThat(config.get("status_endpoint").getAsString()).isEqualTo(base + "/v1beta/stream/status");
        assertThat(config.get("verification_endpoint").getAsString()).isEqualTo(base + "/v1beta/stream:verify");
        assertThat(config.get("add_subject_endpoint").getAsString()).isEqualTo(base + "/v1beta/subjects:add");
        assertThat(config.get("remove_subject_endpoint").getAsString()).isEqualTo(base + "/v1beta/subjects:remove");
    }

    @Test
    void theJwksHoldsPublicRsaKeysOnly() throws ParseException {
        JWKSet keys = JWKSet.parse(h.get(h.url("/oauth2/v3/certs")).body());

        assertThat(keys.getKeys()).isNotEmpty().allSatisfy(k -> {
            assertThat(k).isInstanceOf(RSAKey.class);
            assertThat(k.isPrivate()).isFalse();
            assertThat(k.getKeyID()).matches("[0-9a-f]{40}");
            assertThat(k.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        });
    }

    @Test
    void aPushedEventIsASignedSetPostedAsSeceventJwt() throws Exception {
        SandboxRiscDelivery delivery = control.pushSecurityEvent(SandboxSecurityEvent.sessionsRevoked(alice));

        RiscTestReceiver.Received got = receiver.await(r -> r.token().equals(delivery.token()));
        assertThat(got.contentType()).isEqualTo("application/secevent+jwt");
        assertThat(got.answered()).as(got.refusal().orElse("")).isEqualTo(202);
        assertThat(delivery.status()).isEqualTo(202);
        assertThat(delivery.accepted()).isTrue();
        JWTClaimsSet claims = got.claims().orElseThrow();
        assertThat(claims.getIssuer()).isEqualTo(control.riscIssuer());
        assertThat(claims.getAudience()).containsExactly(SandboxClient.DEFAULT_ID);
        assertThat(claims.getIssueTime()).isNotNull();
        assertThat(claims.getJWTID()).isEqualTo(delivery.jti()).matches("[0-9A-F]{32}");
        assertThat(claims.getExpirationTime()).as("security event tokens do not expire").isNull();
        assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("iss", "aud", "iat", "jti", "events");
        assertThat(event(claims, Type.SESSIONS_REVOKED).get("subject")).isEqualTo(Map.of(
                "subject_type", "iss-sub", "iss", control.riscIssuer(), "sub", control.userId(alice)));
        SignedJWT jwt = SignedJWT.parse(delivery.token());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
    }

    @Test
    void everyEventTypeArrivesWithItsSubjectAndAttributes() throws Exception {
        String refreshToken = h.login(alice).getRefreshToken();
        List<SandboxSecurityEvent> events = List.of(
                SandboxSecurityEvent.sessionsRevoked(alice), SandboxSecurityEvent.tokensRevoked(alice),
                SandboxSecurityEvent.tokenRevoked(refreshToken), SandboxSecurityEvent.accountDisabled(alice, "hijacking"),
                SandboxSecurityEvent.accountDisabled(alice, "bulk-account"), SandboxSecurityEvent.accountDisabled(alice),
                SandboxSecurityEvent.accountEnabled(alice), SandboxSecurityEvent.accountPurged(alice),
                SandboxSecurityEvent.accountCredentialChangeRequired(alice), SandboxSecurityEvent.verification("state-42"));

        for (SandboxSecurityEvent e : events) {
            SandboxRiscDelivery delivery = control.pushSecurityEvent(e);
            assertThat(delivery.status()).as(e.type().shortName() + ": " + delivery.responseBody()).isEqualTo(202);
            Map<String, Object> body = event(receiver.await(r -> r.token().equals(delivery.token())).claims().orElseThrow(), e.type());
            switch (e.type()) {
                case TOKEN_REVOKED -> assertThat(body.get("subject")).isEqualTo(Map.of("subject_type", "oauth_token",
                        "token_type", "refresh_token", "token_identifier_alg", "prefix", "token", refreshToken.substring(0, 16)));
                case VERIFICATION -> assertThat(body).isEqualTo(Map.of("state", "state-42"));
                default -> assertThat(body.get("subject")).isEqualTo(Map.of("subject_type", "iss-sub", "iss", control.riscIssuer(),
                        "sub", control.userId(alice)));
            }
            if (e.type() == Type.ACCOUNT_DISABLED) {
                assertThat(body.get("reason")).isEqualTo(e.reason().orElse(null));
            }
        }
        assertThat(receiver.received()).hasSize(events.size()).allSatisfy(r -> assertThat(r.answered()).isEqualTo(202));
    }

    @Test
    void eachDocumentedSubjectFormatCanBeChosen() throws Exception {
        String refreshToken = h.login(alice).getRefreshToken();
        SandboxRiscDelivery claims = control.pushSecurityEvent(SandboxSecurityEvent.accountDisabled(alice, "hijacking")
                .withSubjectFormat(SubjectFormat.ID_TOKEN_CLAIMS));
        assertThat(event(receiver.await(r -> r.token().equals(claims.token())).claims().orElseThrow(), Type.ACCOUNT_DISABLED).get("subject"))
                .isEqualTo(Map.of("subject_type", "id_token_claims", "iss", control.riscIssuer(), "sub", control.userId(alice),
                        "email", alice));
        SandboxRiscDelivery hashed = control.pushSecurityEvent(SandboxSecurityEvent.tokenRevoked(refreshToken)
                .withSubjectFormat(SubjectFormat.HASH_BASE64_SHA512_SHA512));
        MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
        String doubleHash = Base64.getEncoder().encodeToString(sha512.digest(sha512.digest(refreshToken.getBytes(StandardCharsets.UTF_8))));
        assertThat(event(receiver.await(r -> r.token().equals(hashed.token())).claims().orElseThrow(), Type.TOKEN_REVOKED).get("subject"))
                .isEqualTo(Map.of("subject_type", "oauth_token", "token_type", "refresh_token",
                        "token_identifier_alg", "hash_base64_sha512_sha512", "token", doubleHash));
        assertThat(doubleHash).hasSize(88);
        assertThatThrownBy(() -> SandboxSecurityEvent.tokenRevoked(refreshToken).withSubjectFormat(SubjectFormat.ID_TOKEN_CLAIMS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxSecurityEvent.sessionsRevoked(alice).withSubjectFormat(SubjectFormat.PREFIX))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadSignatureIsRefusedByAReceiverThatChecksTheJwks() throws Exception {
        SandboxRiscDelivery delivery = control.pushSecurityEvent(SandboxSecurityEvent.tokensRevoked(alice), Tampering.BAD_SIGNATURE);

        assertThat(delivery.status()).isEqualTo(400);
        assertThat(delivery.tampering()).isEqualTo(Tampering.BAD_SIGNATURE);
        assertThat(receiver.await(r -> r.token().equals(delivery.token())).refusal()).hasValueSatisfying(
                reason -> assertThat(reason).contains("Signed JWT rejected"));
        String currentKid = JWKSet.parse(h.get(h.url("/oauth2/v3/certs")).body()).getKeys().get(0).getKeyID();
        assertThat(SignedJWT.parse(delivery.token()).getHeader().getKeyID()).as("under a published kid").isEqualTo(currentKid);
    }

    @Test
    void anotherAudienceOrIssuerIsRefused() {
        SandboxRiscDelivery audience = control.pushSecurityEvent(SandboxSecurityEvent.sessionsRevoked(alice), Tampering.WRONG_AUDIENCE);
        SandboxRiscDelivery explicit = control.pushSecurityEvent(SandboxSecurityEvent.sessionsRevoked(alice).withAudience("x.apps.googleusercontent.com"));
        SandboxRiscDelivery issuer = control.pushSecurityEvent(SandboxSecurityEvent.sessionsRevoked(alice), Tampering.WRONG_ISSUER);

        assertThat(List.of(audience.status(), explicit.status(), issuer.status())).containsOnly(400);
        assertThat(audience.responseBody()).contains("aud");
        assertThat(explicit.audience()).isEqualTo("x.apps.googleusercontent.com");
        assertThat(issuer.responseBody()).contains("iss");
    }

    @Test
    void anUnknownKeyIdVerifiesOnceTheKeyIsRotatedIn() throws Exception {
        SandboxRiscDelivery first = control.pushSecurityEvent(SandboxSecurityEvent.accountDisabled(alice, "hijacking"), Tampering.UNKNOWN_KEY_ID);
        String kid = SignedJWT.parse(first.token()).getHeader().getKeyID();
        assertThat(first.status()).isEqualTo(400);
        assertThat(JWKSet.parse(h.get(h.url("/oauth2/v3/certs")).body()).getKeyByKeyId(kid)).isNull();

        control.rotateSigningKey();
        SandboxRiscDelivery replayed = control.replaySecurityEvent(first.jti());

        assertThat(JWKSet.parse(h.get(h.url("/oauth2/v3/certs")).body()).getKeys()).hasSize(2).anySatisfy(k -> assertThat(k.getKeyID()).isEqualTo(kid));
        assertThat(replayed.status()).as("the receiver refetched the JWKS on the unknown kid").isEqualTo(202);
        assertThat(replayed.replay()).isTrue();
        assertThat(replayed.jti()).isEqualTo(first.jti());
        SandboxRiscDelivery next = control.pushSecurityEvent(SandboxSecurityEvent.sessionsRevoked(alice));
        assertThat(SignedJWT.parse(next.token()).getHeader().getKeyID()).as("the rotated-in key signs from now on").isEqualTo(kid);
        assertThat(next.status()).isEqualTo(202);
    }

    @Test
    void aReplaySendsTheSameTokenAndJtiAgain() throws Exception {
        SandboxRiscDelivery original = control.pushSecurityEvent(SandboxSecurityEvent.tokensRevoked(alice));

        SandboxRiscDelivery replay = control.replaySecurityEvent(original.jti());

        assertThat(replay.token()).isEqualTo(original.token());
        List<RiscTestReceiver.Received> got = receiver.received().stream().filter(r -> r.token().equals(original.token())).toList();
        assertThat(got).hasSize(2);
        assertThat(got.get(1).claims().orElseThrow().getJWTID()).isEqualTo(original.jti());
        assertThat(control.riscDeliveries()).extracting(SandboxRiscDelivery::jti).contains(original.jti());
        assertThatThrownBy(() -> control.replaySecurityEvent("NOPE")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void removingTheAppOnTheAccountPageRevokesTheGrantAndPushesTokensRevoked() throws Exception {
        String email = freshAccount("page");
        GoogleTokenResponse tokens = h.googleExchange(h.code(email, Map.of()));
        String page = h.get(h.url("/myaccount/permissions?authuser=" + SandboxHarness.enc(email))).body();
        assertThat(page).contains("data-client-id=\"" + SandboxClient.DEFAULT_ID + "\"").contains("id=\"remove-0\"")
                .contains("Access until you remove it");

        HttpResponse<String> removed = h.postForm("/myaccount/permissions/remove",
                List.of(Map.entry("authuser", email), Map.entry("client_id", SandboxClient.DEFAULT_ID)));

        assertThat(removed.statusCode()).isEqualTo(302);
        RiscTestReceiver.Received got = receiver.await(r -> r.claims().map(c -> c.getClaims().toString().contains("tokens-revoked")).orElse(false));
        assertThat(got.answered()).isEqualTo(202);
        JWTClaimsSet claims = got.claims().orElseThrow();
        assertThat(claims.getAudience()).containsExactly(SandboxClient.DEFAULT_ID);
        assertThat(event(claims, Type.TOKENS_REVOKED).get("subject")).isEqualTo(Map.of(
                "subject_type", "iss-sub", "iss", control.riscIssuer(), "sub", control.userId(email)));
        assertThatThrownBy(() -> h.googleRefresh(tokens.getRefreshToken())).isInstanceOfSatisfying(TokenResponseException.class,
                e -> assertThat(e.getDetails().getError()).isEqualTo("invalid_grant"));
        assertThat(h.getWithToken("/gmail/v1/users/me/profile", tokens.getAccessToken()).statusCode()).isEqualTo(401);
        String after = h.get(h.sandbox.baseUrl() + removed.headers().firstValue("Location").orElseThrow()).body();
        assertThat(after).contains("id=\"notice\"").contains("id=\"no-apps\"");
        assertThat(control.riscDeliveries()).anySatisfy(d -> {
            assertThat(d.type()).isEqualTo(Type.TOKENS_REVOKED);
            assertThat(d.status()).isEqualTo(202);
        });
    }

    @Test
    void theAccountPageShowsWhenTimeLimitedAccessEnds() {
        String email = freshAccount("ends");
        h.timeLimitedCode(email, "86400");

        assertThat(h.get(h.url("/myaccount/permissions?authuser=" + SandboxHarness.enc(email))).body())
                .contains("Time-limited access: ends on").contains("View your email messages");
    }

    @Test
    void whoGrantedNeitherEmailNorProfileGetsNoEvent() throws Exception {
        String email = freshAccount("gmailonly");
        h.consent(Map.of("scope", GMAIL_READONLY, "access_type", "offline"), email, List.of(GMAIL_READONLY), "allow");
        String marker = freshAccount("marker");
        h.code(marker, Map.of());

        assertThat(control.removeAppAccess(email, SandboxClient.DEFAULT_ID)).isTrue();
        assertThat(control.removeAppAccess(marker, SandboxClient.DEFAULT_ID)).isTrue();

        String markerId = control.userId(marker);
        receiver.await(r -> r.claims().map(c -> c.getClaims().toString().contains(markerId)).orElse(false));
        String emailId = control.userId(email);
        assertThat(receiver.received()).hasSize(1)
                .allSatisfy(r -> assertThat(r.claims().orElseThrow().getClaims().toString()).doesNotContain(emailId));
        assertThat(control.removeAppAccess(email, SandboxClient.DEFAULT_ID)).as("nothing left to remove").isFalse();
    }

    @Test
    void theStreamWantsOnlyWhatItRequested() {
        control.registerRiscReceiver(receiver.url(), List.of(Type.TOKENS_REVOKED));

        assertThatThrownBy(() -> control.pushSecurityEvent(SandboxSecurityEvent.sessionsRevoked(alice)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sessions-revoked");
        assertThat(control.pushSecurityEvent(SandboxSecurityEvent.tokensRevoked(alice)).status()).isEqualTo(202);
        control.unregisterRiscReceiver();
        assertThatThrownBy(() -> control.pushSecurityEvent(SandboxSecurityEvent.tokensRevoked(alice)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no RISC receiver");
    }

    @Test
    void aReceiverThatIsDownIsRecordedWithoutAStatus() {
        control.registerRiscReceiver(URI.create("http://127.0.0.1:9/risc/events"));

        SandboxRiscDelivery delivery = control.pushSecurityEvent(SandboxSecurityEvent.sessionsRevoked(alice));

        assertThat(delivery.status()).isZero();
        assertThat(delivery.failure()).isPresent();
        assertThat(delivery.accepted()).isFalse();
    }

    @Test
    void eventsValidateThemselves() {
        assertThatThrownBy(() -> SandboxSecurityEvent.tokenRevoked("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxSecurityEvent.accountDisabled(alice, "bored")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> control.pushSecurityEvent(SandboxSecurityEvent.sessionsRevoked("nobody@example.net")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SandboxSecurityEvent.Type.parse("tokens-revoked")).isEqualTo(Type.TOKENS_REVOKED);
        assertThat(SandboxSecurityEvent.Type.parse(Type.VERIFICATION.uri())).isEqualTo(Type.VERIFICATION);
        assertThat(SandboxSecurityEvent.tokenRevoked("1//0abcdefghijklmnopqrstuvwxyz").toString()).doesNotContain("abcdefgh");
    }

    /** Google's stream management API, as a receiver's setup script calls it. */
    private static HttpResponse<String> riscApi(String method, String path, String body, boolean authorized) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(h.url(path))).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (authorized) b.header("Authorization", "Bearer service-account-jwt");
        return h.send(b.build());
    }

    @Test
    void theStreamManagementApiRegistersVerifiesAndDisables() throws Exception {
        control.unregisterRiscReceiver();
        assertThat(riscApi("GET", "/v1beta/stream", "", true).statusCode()).isEqualTo(404);
        assertThat(riscApi("POST", "/v1beta/stream:update", "{}", false).statusCode()).isEqualTo(401);
        assertThat(riscApi("POST", "/v1beta/stream:update", "{\"delivery\":{}}", true).statusCode()).isEqualTo(400);
        String config = "{\"delivery\":{\"delivery_method\":\"https://schemas.openid.net/secevent/risc/delivery-method/push\",\"url\":\""
                + receiver.url() + "\"},\"events_requested\":[\"" + Type.VERIFICATION.uri() + "\",\"" + Type.TOKENS_REVOKED.uri() + "\"]}";

        HttpResponse<String> updated = riscApi("POST", "/v1beta/stream:update", config, true);

        assertThat(updated.statusCode()).isEqualTo(200);
        JsonObject stream = json(riscApi("GET", "/v1beta/stream", "", true).body());
        assertThat(stream.getAsJsonObject("delivery").get("url").getAsString()).isEqualTo(receiver.url().toString());
        assertThat(stream.getAsJsonArray("events_requested")).hasSize(2);
        assertThat(riscApi("POST", "/v1beta/stream:verify", "{\"state\":\"hello receiver\"}", true).statusCode()).isEqualTo(200);
        RiscTestReceiver.Received verification = receiver.await(r -> r.claims().isPresent());
        assertThat(event(verification.claims().orElseThrow(), Type.VERIFICATION)).isEqualTo(Map.of("state", "hello receiver"));

        assertThat(json(riscApi("POST", "/v1beta/stream/status:update", "{\"status\":\"disabled\"}", true).body()).get("status").getAsString())
                .isEqualTo("disabled");
        assertThat(json(riscApi("GET", "/v1beta/stream/status", "", true).body()).get("status").getAsString()).isEqualTo("disabled");
        assertThatThrownBy(() -> control.pushSecurityEvent(SandboxSecurityEvent.tokensRevoked(alice))).isInstanceOf(IllegalStateException.class);
        assertThat(riscApi("POST", "/v1beta/stream/status:update", "{\"status\":\"paused\"}", true).statusCode()).isEqualTo(403);
        riscApi("POST", "/v1beta/stream/status:update", "{\"status\":\"enabled\"}", true);
        assertThat(control.pushSecurityEvent(SandboxSecurityEvent.tokensRevoked(alice)).status()).isEqualTo(202);
        assertThat(riscApi("POST", "/v1beta/subjects:add", "{\"subject\":{\"subject_type\":\"iss-sub\"}}", true).statusCode()).isEqualTo(200);
        assertThat(riscApi("POST", "/v1beta/subjects:remove", "{}", true).statusCode()).isEqualTo(400);
    }

    @Test
    void refreshStillWorksForOthersAfterOneRemovesTheApp() throws IOException {
        String stays = freshAccount("stays");
        String leaves = freshAccount("leaves");
        GoogleTokenResponse staying = h.googleExchange(h.code(stays, Map.of()));
        h.googleExchange(h.code(leaves, Map.of()));

        control.removeAppAccess(leaves, SandboxClient.DEFAULT_ID);

        assertThat(h.googleRefresh(staying.getRefreshToken()).getAccessToken()).startsWith("ya29.");
    }
}
