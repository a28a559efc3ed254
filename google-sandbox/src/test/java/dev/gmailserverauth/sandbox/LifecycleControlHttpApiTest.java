package dev.gmailserverauth.sandbox;

import static dev.gmailserverauth.sandbox.SandboxHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.auth.oauth2.GoogleTokenResponse;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The control API of a grant's life over HTTP, as tests in other languages or a browser session would drive it. */
class LifecycleControlHttpApiTest {
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start();

    private static String freshAccount() {
        return h.freshAccount("http", "Http Person");
    }

    @Test
    void issuerIsReported() {
        JsonObject issuer = json(h.controlApi("GET", "/issuer", ""));

        assertThat(issuer.get("issuer").getAsString()).isEqualTo(h.sandbox.baseUrl().toString());
        assertThat(issuer.get("riscIssuer").getAsString()).isEqualTo(h.sandbox.baseUrl() + "/");
    }

    @Test
    void publishingStatusIsSetOverHttp() throws Exception {
        assertThat(h.controlApi("PUT", "/clients/" + SandboxClient.DEFAULT_ID + "/publishing-status", "{\"status\":\"testing\"}").statusCode()).isEqualTo(200);
        assertThat(h.controlApi("PUT", "/observations/testing-expiry-announced", "{\"on\":true}").statusCode()).isEqualTo(200);
        try {
            GoogleTokenResponse tokens = h.googleExchange(h.code(freshAccount(), Map.of("prompt", "consent")));
            assertThat(((BigDecimal) tokens.get("refresh_token_expires_in")).longValueExact()).isEqualTo(604799);
        } finally {
            h.controlApi("PUT", "/clients/" + SandboxClient.DEFAULT_ID + "/publishing-status", "{\"status\":\"in_production\"}");
            h.controlApi("PUT", "/observations/TESTING_EXPIRY_ANNOUNCED", "{\"on\":false}");
        }
        assertThat(h.controlApi("PUT", "/clients/nobody/publishing-status", "{\"status\":\"testing\"}").statusCode()).isEqualTo(400);
        assertThat(h.controlApi("PUT", "/clients/" + SandboxClient.DEFAULT_ID + "/publishing-status", "{\"status\":\"beta\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void observedBehavioursAreSwitchedOverHttp() {
        assertThat(json(h.controlApi("GET", "/observations", "")).getAsJsonArray("observed")).isEmpty();

        JsonObject on = json(h.controlApi("PUT", "/observations/session-control-on-every-grant", "{\"on\":true}"));
        assertThat(on.getAsJsonArray("observed").get(0).getAsString()).isEqualTo("SESSION_CONTROL_ON_EVERY_GRANT");
        assertThat(h.control().observations()).containsExactly(SandboxObservation.SESSION_CONTROL_ON_EVERY_GRANT);

        assertThat(json(h.controlApi("PUT", "/observations/SESSION_CONTROL_ON_EVERY_GRANT", "{\"on\":false}"))
                .getAsJsonArray("observed")).isEmpty();
        assertThat(h.controlApi("PUT", "/observations/no-such-thing", "{\"on\":true}").statusCode()).isEqualTo(400);
        assertThat(h.controlApi("PUT", "/observations/testing-expiry-announced", "{}").statusCode()).isEqualTo(400);
        assertThat(h.control().observations()).isEmpty();
    }

    @Test
    void workspacePoliciesAndForcedReauthenticationOverHttp() throws Exception {
        String email = freshAccount();
        assertThat(json(h.controlApi("GET", "/accounts/" + email + "/workspace-policy", "")).get("managed").getAsBoolean()).isFalse();

        assertThat(h.controlApi("PUT", "/accounts/" + email + "/workspace-policy",
                "{\"hostedDomain\":\"example.net\",\"reauthEveryMinutes\":30,\"blockedClients\":[\"other.apps.googleusercontent.com\"]}")
                .statusCode()).isEqualTo(200);
        JsonObject policy = json(h.controlApi("GET", "/accounts/" + email + "/workspace-policy", ""));
        assertThat(policy.get("hostedDomain").getAsString()).isEqualTo("example.net");
        assertThat(policy.get("reauthEveryMinutes").getAsLong()).isEqualTo(30);
        assertThat(policy.getAsJsonArray("blockedClients").get(0).getAsString()).isEqualTo("other.apps.googleusercontent.com");

        GoogleTokenResponse tokens = h.googleExchange(h.cloudPlatformCode(email));
        assertThat(h.controlApi("POST", "/accounts/" + email + "/require-reauth", "").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> h.googleRefresh(tokens.getRefreshToken())).isInstanceOfSatisfying(TokenResponseException.class,
                e -> assertThat(e.getDetails().getErrorDescription()).isEqualTo("reauth related error (invalid_rapt)"));
        assertThat(h.controlApi("PUT", "/accounts/" + email + "/workspace-policy", "{\"hostedDomain\":\"not a domain\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void faultsOfTheGrantsLifeOverHttp() throws Exception {
        assertThat(h.controlApi("POST", "/faults", "{\"endpoint\":\"AUTHORIZE\",\"type\":\"redirect_error\",\"error\":\"temporarily_unavailable\"}")
                .statusCode()).isEqualTo(200);
        String location = h.get(h.authorizationUrl(Map.of())).headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("error=temporarily_unavailable").contains("iss=");

        GoogleTokenResponse tokens = h.googleExchange(h.code(freshAccount(), Map.of()));
        h.controlApi("POST", "/faults", "{\"endpoint\":\"TOKEN\",\"type\":\"reauth_required\"}");
        assertThatThrownBy(() -> h.googleRefresh(tokens.getRefreshToken())).isInstanceOfSatisfying(TokenResponseException.class,
                e -> assertThat(e.getDetails().getErrorDescription()).isEqualTo("reauth related error (invalid_rapt)"));
        assertThat(h.controlApi("POST", "/faults", "{\"endpoint\":\"TOKEN\",\"type\":\"redirect_error\",\"error\":\"server_error\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void securityEventsArePushedReplayedAndListedOverHttp() throws Exception {
        try (RiscTestReceiver receiver = new RiscTestReceiver(h, SandboxClient.DEFAULT_ID)) {
            String email = freshAccount();
            assertThat(h.controlApi("PUT", "/risc/receiver", "{\"url\":\"" + receiver.url() + "\"}").statusCode()).isEqualTo(200);

            JsonObject pushed = json(h.controlApi("POST", "/risc/events", "{\"type\":\"account-disabled\",\"email\":\"" + email + "\",\"reason\":\"hijacking\"}"));
            JsonObject spoiled = json(h.controlApi("POST", "/risc/events", "{\"type\":\"sessions-revoked\",\"email\":\"" + email + "\",\"tampering\":\"bad_signature\"}"));
            JsonObject replayed = json(h.controlApi("POST", "/risc/deliveries/" + pushed.get("jti").getAsString() + "/replay", ""));
            JsonObject byClaims = json(h.controlApi("POST", "/risc/events",
                    "{\"type\":\"sessions-revoked\",\"email\":\"" + email + "\",\"subjectFormat\":\"id_token_claims\"}"));
            assertThat(byClaims.get("status").getAsInt()).isEqualTo(202);
            assertThat(SignedJWT.parse(byClaims.get("token").getAsString()).getJWTClaimsSet().toString()).contains("id_token_claims", email);
            assertThat(h.controlApi("POST", "/risc/events", "{\"type\":\"sessions-revoked\",\"email\":\"" + email
                    + "\",\"subjectFormat\":\"prefix\"}").statusCode()).isEqualTo(400);

            assertThat(pushed.get("status").getAsInt()).isEqualTo(202);
            assertThat(pushed.get("type").getAsString()).isEqualTo(SandboxSecurityEvent.Type.ACCOUNT_DISABLED.uri());
            assertThat(spoiled.get("status").getAsInt()).isEqualTo(400);
            assertThat(replayed.get("jti").getAsString()).isEqualTo(pushed.get("jti").getAsString());
            assertThat(replayed.get("replay").getAsBoolean()).isTrue();
            JsonArray deliveries = JsonParser.parseString(h.controlApi("GET", "/risc/deliveries", "").body()).getAsJsonArray();
            assertThat(deliveries.size()).isGreaterThanOrEqualTo(3);
            assertThat(h.controlApi("POST", "/risc/events", "{\"type\":\"made-up\",\"email\":\"" + email + "\"}").statusCode()).isEqualTo(400);

            h.controlApi("POST", "/keys/rotate", "");
            JsonObject afterRotation = json(h.controlApi("POST", "/risc/events", "{\"type\":\"verification\",\"state\":\"s\"}"));
            assertThat(afterRotation.get("status").getAsInt()).isEqualTo(202);

            assertThat(h.get(h.url("/myaccount/permissions")).body()).contains(email);
            h.code(email, Map.of());
            assertThat(json(h.controlApi("POST", "/accounts/" + email + "/remove-app-access", "{}")).get("removed").getAsBoolean()).isTrue();
            receiver.await(r -> r.claims().map(c -> c.getClaims().toString().contains("tokens-revoked")).orElse(false));
        } finally {
            h.controlApi("DELETE", "/risc/receiver", "");
        }
        assertThat(h.controlApi("POST", "/risc/events", "{\"type\":\"verification\",\"state\":\"s\"}").statusCode())
                .as("no receiver any more").isEqualTo(400);
    }
}
