package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JWT-bearer grant of the sandbox's service account at {@code POST /token}, and pulling with its token. */
class PubSubServiceAccountTest {
    private static final String AUDIENCE = "https://oauth2.googleapis.com/token";
    private static final String PUBSUB = "https://www.googleapis.com/auth/pubsub";
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start(SandboxConfig.defaults(List.of(SandboxHarness.REDIRECT)).withDemoData(false));

    private static JsonObject keyFile() {
        return SandboxHarness.json(h.control().pubSub().serviceAccountKeyFile());
    }

    private static PrivateKey privateKey(JsonObject key) throws Exception {
        String pem = key.get("private_key").getAsString().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String assertion(PrivateKey signer, String issuer, String audience, Instant issued, Duration lifetime, String scope)
            throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).claim("scope", scope)
                .issueTime(Date.from(issued)).expirationTime(Date.from(issued.plus(lifetime))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyFile().get("private_key_id").getAsString()).build(), claims);
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    private static HttpResponse<String> grant(String assertion) {
        return h.postForm("/token", List.of(Map.entry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), Map.entry("assertion", assertion)));
    }

    @Test
    void theKeyFileLooksLikeTheConsolesAndPointsAtTheSandbox() {
        JsonObject key = keyFile();

        assertThat(key.get("type").getAsString()).isEqualTo("service_account");
        assertThat(key.get("client_email").getAsString()).isEqualTo(h.control().pubSub().serviceAccountEmail());
        assertThat(key.get("token_uri").getAsString()).isEqualTo(h.url("/token"));
        assertThat(key.get("private_key").getAsString()).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    @Test
    void aGenuineAssertionGetsATokenThatPulls() throws Exception {
        JsonObject key = keyFile();
        h.control().pubSub().createPullSubscription("projects/sandbox-project/subscriptions/granted", "projects/sandbox-project/topics/guarded",
                Duration.ofSeconds(10));

        HttpResponse<String> token = grant(assertion(privateKey(key), key.get("client_email").getAsString(), AUDIENCE, Instant.now(),
                Duration.ofHours(1), PUBSUB));
        String accessToken = SandboxHarness.json(token).get("access_token").getAsString();
        HttpResponse<String> pulled = h.send(HttpRequest.newBuilder(URI.create(h.url("/v1/projects/sandbox-project/subscriptions/granted:pull")))
                .header("Authorization", "Bearer " + accessToken).POST(HttpRequest.BodyPublishers.ofString("{\"maxMessages\":1}")).build());

        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(SandboxHarness.json(token).get("token_type").getAsString()).isEqualTo("Bearer");
        assertThat(pulled.statusCode()).isEqualTo(200);
        assertThat(pulled.body()).isEqualTo("{}");
    }

    @Test
    void forgedExpiredMisaddressedOrUnscopedAssertionsAreRefused() throws Exception {
        JsonObject key = keyFile();
        String email = key.get("client_email").getAsString();
        PrivateKey genuine = privateKey(key);
        PrivateKey other = new RSAKeyGenerator(2048).generate().toPrivateKey();
        Instant now = Instant.now();

        assertThat(grant(assertion(other, email, AUDIENCE, now, Duration.ofHours(1), PUBSUB)).body()).contains("invalid_grant");
        assertThat(grant(assertion(genuine, email, AUDIENCE, now.minus(Duration.ofHours(3)), Duration.ofHours(1), PUBSUB)).body()).contains("invalid_grant");
        assertThat(grant(assertion(genuine, email, AUDIENCE, now, Duration.ofHours(5), PUBSUB)).body()).contains("invalid_grant");
        assertThat(grant(assertion(genuine, email, "https://elsewhere.example/token", now, Duration.ofHours(1), PUBSUB)).body()).contains("invalid_grant");
        assertThat(grant(assertion(genuine, "someone@sandbox-project.iam.gserviceaccount.com", AUDIENCE, now, Duration.ofHours(1), PUBSUB)).body())
                .contains("invalid_grant");
        assertThat(grant(assertion(genuine, email, AUDIENCE, now, Duration.ofHours(1), "")).body()).contains("invalid_scope");
        assertThat(grant("not-a-jwt").statusCode()).isEqualTo(400);
        assertThat(h.postForm("/token", List.of(Map.entry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"))).statusCode()).isEqualTo(400);
    }
}
