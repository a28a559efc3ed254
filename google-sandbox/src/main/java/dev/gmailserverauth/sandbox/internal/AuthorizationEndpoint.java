package dev.gmailserverauth.sandbox.internal;

import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.SandboxClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /o/oauth2/v2/auth} (consent page) and {@code POST /o/oauth2/v2/auth/decision}. */
public final class AuthorizationEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationEndpoint.class);
    private static final Duration PENDING_LIFETIME = Duration.ofMinutes(30);

    /** A validated authorization request waiting for the person's decision. */
    private record Pending(String clientId, String redirectUri, List<String> scopes, Optional<String> state, boolean offline,
                           boolean forceConsent, boolean includeGrantedScopes, Optional<String> codeChallenge,
                           String challengeMethod, Instant createdAt) {}

    private final SandboxState state;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public AuthorizationEndpoint(SandboxState state) {
        this.state = state;
    }

    public ApiResponse authorize(ApiRequest request) {
        Optional<ApiResponse> faulted = state.faults().nextFault(Endpoint.AUTHORIZE)
                .flatMap(f -> FaultResponses.apply(f, FaultResponses.Style.PAGE));
        if (faulted.isPresent()) return faulted.get();

        Optional<SandboxClient> client = request.queryParam("client_id").flatMap(state::client);
        if (client.isEmpty()) return page(401, "invalid_client", "The OAuth client was not found.");
        Optional<String> redirectUri = request.queryParam("redirect_uri");
        if (redirectUri.isEmpty() || !client.get().redirectUris().contains(redirectUri.get())) {
            return page(400, "redirect_uri_mismatch", "You can't sign in to this app because it doesn't comply with Google's "
                    + "OAuth 2.0 policy. If you're the app developer, register the redirect URI in the Google Cloud Console.");
        }
        if (!request.queryParam("response_type").orElse("").equals("code")) {
            return page(400, "invalid_request", "Invalid response_type: " + request.queryParam("response_type").orElse("(missing)"));
        }
        String scopeParam = request.queryParam("scope").orElse("");
        List<String> scopes = OAuthScopes.parse(scopeParam);
        if (scopes.isEmpty()) return page(400, "invalid_request", "Missing required parameter: scope");
        List<String> unknown = scopes.stream().filter(s -> !OAuthScopes.isKnown(s)).toList();
        if (!unknown.isEmpty()) return page(400, "invalid_scope", "Some requested scopes were invalid. {invalid=" + unknown + "}");
        Optional<String> prompt = request.queryParam("prompt");
        Optional<String> approvalPrompt = request.queryParam("approval_prompt");
        if (prompt.isPresent() && approvalPrompt.isPresent()) {
            return page(400, "invalid_request", "Conflict params: approval_prompt and prompt");
        }
        Optional<String> challenge = request.queryParam("code_challenge");
        String method = request.queryParam("code_challenge_method").orElse("plain");
        if (!method.equals("plain") && !method.equals("S256")) {
            return page(400, "invalid_request", "Invalid code_challenge_method value.");
        }
        if (challenge.isPresent() && !challenge.get().matches("[A-Za-z0-9\\-._~]{43,128}")) {
            return page(400, "invalid_request", "Code Challenge must be base64 encoded.");
        }
        Set<String> promptValues = Set.of(prompt.orElse("").split(" "));
        Pending p = new Pending(client.get().clientId(), redirectUri.get(), scopes, request.queryParam("state"),
                request.queryParam("access_type").orElse("online").equals("offline"),
                promptValues.contains("consent") || approvalPrompt.filter("force"::equals).isPresent(),
                request.queryParam("include_granted_scopes").filter("true"::equals).isPresent(),
                challenge, method, state.clock().now());

        Optional<Account> hinted = request.queryParam("login_hint").flatMap(h -> state.accounts().byHint(h));
        if (promptValues.contains("none")) return silent(p, hinted);

        String requestId = randomId();
        purgeExpired();
        pending.put(requestId, p);
        List<Account> accounts = state.accounts().all();
        String preselected = hinted.map(Account::email).orElse(accounts.isEmpty() ? "" : accounts.get(0).email());
        List<String> signIn = scopes.stream().filter(OAuthScopes::isSignIn).toList();
        List<String> optional = scopes.stream().filter(s -> !OAuthScopes.isSignIn(s)).toList();
        return ApiResponse.html(200, ConsentPage.render(requestId, p.clientId(), accounts, preselected, signIn, optional));
    }

    /** {@code prompt=none}: succeed only when the hinted user already granted every requested scope. */
    private ApiResponse silent(Pending p, Optional<Account> hinted) {
        if (hinted.isEmpty()) return redirectError(p, "login_required");
        if (!state.oauth().grantedScopes(p.clientId(), hinted.get().id()).containsAll(p.scopes())) {
            return redirectError(p, "consent_required");
        }
        return grant(p, hinted.get(), p.scopes(), "none");
    }

    public ApiResponse decide(ApiRequest request) {
        Pending p = request.formParam("auth_request").map(pending::remove).orElse(null);
        if (p == null || p.createdAt().plus(PENDING_LIFETIME).isBefore(state.clock().now())) {
            return page(400, "invalid_request", "This authorization request is unknown, expired or already answered.");
        }
        if (!request.formParam("decision").orElse("").equals("allow")) return redirectError(p, "access_denied");
        Optional<Account> account = request.formParam("account").flatMap(e -> state.accounts().byEmail(e));
        if (account.isEmpty()) return page(400, "invalid_request", "No account was chosen.");
        List<String> ticked = request.formParams("scope");
        List<String> granted = p.scopes().stream().filter(s -> OAuthScopes.isSignIn(s) || ticked.contains(s)).toList();
        return grant(p, account.get(), granted, "consent");
    }

    private ApiResponse grant(Pending p, Account account, List<String> chosen, String promptShown) {
        Set<String> scopes = new LinkedHashSet<>(chosen);
        if (p.includeGrantedScopes()) scopes.addAll(state.oauth().grantedScopes(p.clientId(), account.id()));
        boolean firstConsent = !state.oauth().hasConsented(p.clientId(), account.id());
        boolean refresh = p.offline() && (firstConsent || p.forceConsent());
        String code = state.oauth().issueCode(new OAuthStore.AuthCode(p.clientId(), p.redirectUri(), account.id(),
                List.copyOf(scopes), refresh, p.codeChallenge(), p.challengeMethod(),
                state.clock().now().plus(OAuthStore.CODE_LIFETIME)));
        LOG.debug("authorization granted to client {} for user {} with scopes {}", p.clientId(), account.id(), scopes);
        Map<String, String> params = new LinkedHashMap<>();
        p.state().ifPresent(s -> params.put("state", s));
        params.put("code", code);
        params.put("scope", OAuthScopes.join(scopes));
        params.put("authuser", "0");
        params.put("prompt", promptShown);
        return ApiResponse.redirect(withQuery(p.redirectUri(), params));
    }

    private static ApiResponse redirectError(Pending p, String error) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        p.state().ifPresent(s -> params.put("state", s));
        return ApiResponse.redirect(withQuery(p.redirectUri(), params));
    }

    /** Google leaves '/' unescaped in the code ("4/0A..."); everything else is form-encoded once. */
    private static String withQuery(String uri, Map<String, String> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((k, v) -> pairs.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8).replace("%2F", "/").replace("+", "%20")));
        return uri + (uri.contains("?") ? "&" : "?") + String.join("&", pairs);
    }

    private static ApiResponse page(int status, String error, String description) {
        return ApiResponse.html(status, ConsentPage.errorPage(error, description));
    }

    private void purgeExpired() {
        Instant cutoff = state.clock().now().minus(PENDING_LIFETIME);
        pending.values().removeIf(p -> p.createdAt().isBefore(cutoff));
    }

    private String randomId() {
        byte[] b = new byte[18];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
