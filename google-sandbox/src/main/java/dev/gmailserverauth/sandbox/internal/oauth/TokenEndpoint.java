package dev.gmailserverauth.sandbox.internal.oauth;

import com.google.gson.JsonObject;
import com.nimbusds.jwt.SignedJWT;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.FaultResponses;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import dev.gmailserverauth.sandbox.internal.WorkspacePolicies;
import dev.gmailserverauth.sandbox.internal.serviceaccount.JwtBearerGrant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /token} (authorization_code and refresh_token grants) and {@code POST /revoke}. */
final class TokenEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);

    private final SandboxState state;

    TokenEndpoint(SandboxState state) {
        this.state = state;
    }

    private record ClientCredentials(String clientId, Optional<String> secret) {}

    public ApiResponse token(ApiRequest request) {
        Optional<ApiResponse> faulted = state.faults().nextFault(Endpoint.TOKEN)
                .flatMap(f -> FaultResponses.apply(f, FaultResponses.Style.OAUTH));
        if (faulted.isPresent()) return faulted.get();
        if (JwtBearerGrant.GRANT_TYPE.equals(request.formParam("grant_type").orElse(""))) {
            // One JWT-bearer grant, two service accounts: the assertion's issuer says whose key verifies it.
            boolean pubSub = request.formParam("assertion").flatMap(TokenEndpoint::issuerOf).filter(state.pubSub().serviceAccount().email()::equals).isPresent();
            return pubSub ? state.pubSub().serviceAccount().token(request) : new JwtBearerGrant(state, state.delegation()).token(request);
        }

        Optional<ClientCredentials> credentials = basicAuth(request)
                .or(() -> request.formParam("client_id").map(id -> new ClientCredentials(id, request.formParam("client_secret"))));
        if (credentials.isEmpty()) return GoogleErrors.oauthError(400, "invalid_request", "Could not determine client ID from request.");
        Optional<SandboxClient> client = state.client(credentials.get().clientId());
        if (client.isEmpty()) return GoogleErrors.oauthError(401, "invalid_client", "The OAuth client was not found.");
        if (!secretMatches(client.get(), credentials.get().secret())) return GoogleErrors.oauthError(401, "invalid_client", "Unauthorized");

        String grantType = request.formParam("grant_type").orElse("");
        return switch (grantType) {
            case "authorization_code" -> exchange(request, client.get());
            case "refresh_token" -> refresh(request, client.get());
            case "" -> GoogleErrors.oauthError(400, "invalid_request", "Missing required parameter: grant_type");
            default -> GoogleErrors.oauthError(400, "unsupported_grant_type", "Invalid grant_type: " + grantType);
        };
    }

    private ApiResponse exchange(ApiRequest request, SandboxClient client) {
        Optional<String> code = request.formParam("code");
        if (code.isEmpty()) return GoogleErrors.oauthError(400, "invalid_request", "Missing required parameter: code");
        Optional<String> redirectUri = request.formParam("redirect_uri");
        if (redirectUri.isEmpty()) return GoogleErrors.oauthError(400, "invalid_request", "Missing parameter: redirect_uri");
        state.faults().codeExchange();
        OAuthStore.TokenOutcome outcome = state.oauth().exchangeCode(code.get(), client.clientId(), redirectUri.get(),
                request.formParam("code_verifier"));
        return respond(outcome);
    }

    private ApiResponse refresh(ApiRequest request, SandboxClient client) {
        Optional<String> refreshToken = request.formParam("refresh_token");
        if (refreshToken.isEmpty()) return GoogleErrors.oauthError(400, "invalid_request", "Missing required parameter: refresh_token");
        state.faults().refresh();
        WorkspacePolicies workspace = state.identity().workspace();
        return respond(state.oauth().refresh(refreshToken.get(), client.clientId(),
                userId -> workspace.reauthenticationDue(userId, state.clock().now())));
    }

    private static ApiResponse respond(OAuthStore.TokenOutcome outcome) {
        return outcome.fold(TokenEndpoint::tokens, failed -> {
            LOG.debug("token request refused: {}", failed.error());
            return GoogleErrors.oauthError(failed.status(), failed.error(), failed.description());
        });
    }

    private static ApiResponse tokens(OAuthStore.TokenOutcome.Issued issued) {
        JsonObject body = new JsonObject();
        body.addProperty("access_token", issued.accessToken());
        body.addProperty("expires_in", issued.expiresInSeconds());
        issued.refreshToken().ifPresent(r -> body.addProperty("refresh_token", r));
        issued.refreshTokenExpiresIn().ifPresent(seconds -> body.addProperty("refresh_token_expires_in", seconds));
        body.addProperty("scope", OAuthScopes.join(issued.scopes()));
        body.addProperty("token_type", "Bearer");
        return ApiResponse.json(200, body);
    }

    public ApiResponse revoke(ApiRequest request) {
        Optional<ApiResponse> faulted = state.faults().nextFault(Endpoint.REVOKE)
                .flatMap(f -> FaultResponses.apply(f, FaultResponses.Style.OAUTH));
        if (faulted.isPresent()) return faulted.get();
        Optional<String> token = request.formParam("token").or(() -> request.queryParam("token"));
        if (token.isEmpty() || !state.oauth().revoke(token.get())) {
            return GoogleErrors.oauthError(400, "invalid_token", "Token expired or revoked");
        }
        return ApiResponse.json(200, new JsonObject());
    }

    private static Optional<ClientCredentials> basicAuth(ApiRequest request) {
        return request.header("Authorization")
                .filter(v -> v.regionMatches(true, 0, "Basic ", 0, 6))
                .flatMap(v -> {
                    try {
                        String decoded = new String(Base64.getDecoder().decode(v.substring(6).trim()), StandardCharsets.UTF_8);
                        int colon = decoded.indexOf(':');
                        if (colon < 0) return Optional.empty();
                        return Optional.of(new ClientCredentials(urlDecode(decoded.substring(0, colon)),
                                Optional.of(urlDecode(decoded.substring(colon + 1)))));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                });
    }

    private static String urlDecode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static boolean secretMatches(SandboxClient client, Optional<String> secret) {
        return secret.map(s -> MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8), client.clientSecret().getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    /** The {@code iss} of a JWT-bearer assertion, read only to route it; its signature is checked by the grant it goes to. */
    private static Optional<String> issuerOf(String assertion) {
        try {
            return Optional.ofNullable(SignedJWT.parse(assertion).getJWTClaimsSet().getIssuer());
        } catch (java.text.ParseException e) {
            return Optional.empty();
        }
    }
}
