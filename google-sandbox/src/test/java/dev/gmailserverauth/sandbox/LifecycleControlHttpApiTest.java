package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.auth.oauth2.GoogleTokenResponse;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The control API of a grant's life over HTTP, as tests in other languages or a browser session would drive it. */
class LifecycleControlHttpApiTest {
    private static SandboxHarness h;

    @BeforeAll
    static void start() {
        h = SandboxHarness.start();
    }

    @AfterAll
    static void stop() {
        h.sandbox.close();
    }

    private static HttpResponse<String> call(String method, String path, String json) {
        return h.send(HttpRequest.newBuilder(URI.create(h.url("/__sandbox" + path)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static JsonObject json(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static String freshAccount() {
        String email = "http" + System.nanoTime() + "@example.net";
        h.sandbox.control().addAccount(email, "Http Person");
        return email;
    }

    @Test
    void issuerIsReported() {
        JsonObject issuer = json(call("GET", "/issuer", ""));

        assertThat(issuer.get("issuer").getAsString()).isEqualTo(h.sandbox.baseUrl().toString());
        assertThat(issuer.get("riscIssuer").getAsString()).isEqualTo(h.sandbox.baseUrl() + "/");
    }

    @Test
    void publishingStatusIsSetOverHttp() throws Exception {
        assertThat(call("PUT", "/clients/" + SandboxClient.DEFAULT_ID + "/publishing-status", "{\"status\":\"testing\"}").statusCode()).isEqualTo(200);
        try {
            GoogleTokenResponse tokens = h.googleExchange(h.code(freshAccount(), Map.of("prompt", "consent")));
            assertThat(((BigDecimal) tokens.get("refresh_token_expires_in")).longValueExact()).isEqualTo(604799);
        } finally {
            call("PUT", "/clients/" + SandboxClient.DEFAULT_ID + "/publishing-status", "{\"status\":\"in_production\"}");
        }
        assertThat(call("PUT", "/clients/nobody/publishing-status", "{\"status\":\"testing\"}").statusCode()).isEqualTo(400);
        assertThat(call("PUT", "/clients/" + SandboxClient.DEFAULT_ID + "/publishing-status", "{\"status\":\"beta\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void workspacePoliciesAndForcedReauthenticationOverHttp() throws Exception {
        String email = freshAccount();
        assertThat(json(call("GET", "/accounts/" + email + "/workspace-policy", "")).get("managed").getAsBoolean()).isFalse();

        assertThat(call("PUT", "/accounts/" + email + "/workspace-policy",
                "{\"hostedDomain\":\"example.net\",\"reauthEveryMinutes\":30,\"blockedClients\":[\"other.apps.googleusercontent.com\"]}")
                .statusCode()).isEqualTo(200);
        JsonObject policy = json(call("GET", "/accounts/" + email + "/workspace-policy", ""));
        assertThat(policy.get("hostedDomain").getAsString()).isEqualTo("example.net");
        assertThat(policy.get("reauthEveryMinutes").getAsLong()).isEqualTo(30);
        assertThat(policy.getAsJsonArray("blockedClients").get(0).getAsString()).isEqualTo("other.apps.googleusercontent.com");

        GoogleTokenResponse tokens = h.googleExchange(h.code(email, Map.of("prompt", "consent")));
        assertThat(call("POST", "/accounts/" + email + "/require-reauth", "").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> h.googleRefresh(tokens.getRefreshToken())).isInstanceOfSatisfying(TokenResponseException.class,
                e -> assertThat(e.getDetails().getErrorDescription()).isEqualTo("reauth related error (invalid_rapt)"));
        assertThat(call("PUT", "/accounts/" + email + "/workspace-policy", "{\"hostedDomain\":\"not a domain\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void faultsOfTheGrantsLifeOverHttp() throws Exception {
        assertThat(call("POST", "/faults", "{\"endpoint\":\"AUTHORIZE\",\"type\":\"redirect_error\",\"error\":\"temporarily_unavailable\"}")
                .statusCode()).isEqualTo(200);
        String location = h.get(h.authorizationUrl(Map.of())).headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("error=temporarily_unavailable").contains("iss=");

        GoogleTokenResponse tokens = h.googleExchange(h.code(freshAccount(), Map.of()));
        call("POST", "/faults", "{\"endpoint\":\"TOKEN\",\"type\":\"reauth_required\"}");
        assertThatThrownBy(() -> h.googleRefresh(tokens.getRefreshToken())).isInstanceOfSatisfying(TokenResponseException.class,
                e -> assertThat(e.getDetails().getErrorDescription()).isEqualTo("reauth related error (invalid_rapt)"));
        assertThat(call("POST", "/faults", "{\"endpoint\":\"TOKEN\",\"type\":\"redirect_error\",\"error\":\"server_error\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void securityEventsArePushedReplayedAndListedOverHttp() throws Exception {
        try (RiscTestReceiver receiver = new RiscTestReceiver(h, SandboxClient.DEFAULT_ID)) {
            String email = freshAccount();
            assertThat(call("PUT", "/risc/receiver", "{\"url\":\"" + receiver.url() + "\"}").statusCode()).isEqualTo(200);

            JsonObject pushed = json(call("POST", "/risc/events", "{\"type\":\"account-disabled\",\"email\":\"" + email + "\",\"reason\":\"hijacking\"}"));
            JsonObject spoiled = json(call("POST", "/risc/events", "{\"type\":\"sessions-revoked\",\"email\":\"" + email + "\",\"tampering\":\"bad_signature\"}"));
            JsonObject replayed = json(call("POST", "/risc/deliveries/" + pushed.get("jti").getAsString() + "/replay", ""));

            assertThat(pushed.get("status").getAsInt()).isEqualTo(202);
            assertThat(pushed.get("type").getAsString()).isEqualTo(SandboxSecurityEvent.Type.ACCOUNT_DISABLED.uri());
            assertThat(spoiled.get("status").getAsInt()).isEqualTo(400);
            assertThat(replayed.get("jti").getAsString()).isEqualTo(pushed.get("jti").getAsString());
            assertThat(replayed.get("replay").getAsBoolean()).isTrue();
            JsonArray deliveries = JsonParser.parseString(call("GET", "/risc/deliveries", "").body()).getAsJsonArray();
            assertThat(deliveries.size()).isGreaterThanOrEqualTo(3);
            assertThat(call("POST", "/risc/events", "{\"type\":\"made-up\",\"email\":\"" + email + "\"}").statusCode()).isEqualTo(400);

            call("POST", "/keys/rotate", "");
            JsonObject afterRotation = json(call("POST", "/risc/events", "{\"type\":\"verification\",\"state\":\"s\"}"));
            assertThat(afterRotation.get("status").getAsInt()).isEqualTo(202);

            assertThat(h.get(h.url("/myaccount/permissions")).body()).contains(email);
            h.code(email, Map.of());
            assertThat(json(call("POST", "/accounts/" + email + "/remove-app-access", "{}")).get("removed").getAsBoolean()).isTrue();
            receiver.await(r -> r.claims().map(c -> c.getClaims().toString().contains("tokens-revoked")).orElse(false));
        } finally {
            call("DELETE", "/risc/receiver", "");
        }
        assertThat(call("POST", "/risc/events", "{\"type\":\"verification\",\"state\":\"s\"}").statusCode())
                .as("no receiver any more").isEqualTo(400);
    }
}
