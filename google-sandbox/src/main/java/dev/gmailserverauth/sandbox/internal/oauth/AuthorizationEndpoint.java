package dev.gmailserverauth.sandbox.internal.oauth;

import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.Fault;
import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.sandbox.SandboxWorkspacePolicy;
import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.FaultResponses;
import dev.gmailserverauth.sandbox.internal.GooglePages;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /o/oauth2/v2/auth} (consent page) and {@code POST /o/oauth2/v2/auth/decision}. Every redirect back to
 * the client, success or error, carries {@code iss} (RFC 9207). Errors Google shows on its own page (a bad client or
 * redirect URI, an embedded browser, an admin's block, an internal app) are pages, never redirects.
 */
final class AuthorizationEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationEndpoint.class);
    private static final Duration PENDING_LIFETIME = Duration.ofMinutes(30);
    private static final long LONGEST_ACCESS_SECONDS = Duration.ofDays(400).toSeconds();
    /** Android WebView's user-agent token: Google refuses sign-in in embedded browsers. */
    private static final String WEBVIEW_MARKER = "; wv)";

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
        Optional<Fault> fault = state.faults().nextFault(Endpoint.AUTHORIZE);
        Optional<Fault.RedirectError> redirectFault = fault.filter(Fault.RedirectError.class::isInstance).map(Fault.RedirectError.class::cast);
        if (fault.isPresent() && redirectFault.isEmpty()) {
            Optional<ApiResponse> faulted = FaultResponses.apply(fault.get(), FaultResponses.Style.PAGE);
            if (faulted.isPresent()) return faulted.get();
        }

        Optional<SandboxClient> client = request.queryParam("client_id").flatMap(state::client);
        if (client.isEmpty()) return page(401, "invalid_client", "The OAuth client was not found.");
        Optional<String> redirectUri = request.queryParam("redirect_uri");
        if (redirectUri.isEmpty() || !client.get().redirectUris().contains(redirectUri.get())) {
            return page(400, "redirect_uri_mismatch", "You can't sign in to this app because it doesn't comply with Google's "
                    + "OAuth 2.0 policy. If you're the app developer, register the redirect URI in the Google Cloud Console.");
        }
        if (redirectFault.isPresent()) {
            return redirectError(redirectUri.get(), request.queryParam("state"), redirectFault.get().error());
        }
        if (request.header("User-Agent").filter(ua -> ua.contains(WEBVIEW_MARKER)).isPresent()) {
            return page(403, "disallowed_useragent", "This browser or app may not be secure. Google doesn't allow sign-in "
                    + "from embedded browsers (WebViews); use a browser instead.");
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
        Set<String> promptValues = Arrays.stream(prompt.orElse("").split(" ")).filter(v -> !v.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Pending p = new Pending(client.get().clientId(), redirectUri.get(), scopes, request.queryParam("state"),
                request.queryParam("access_type").orElse("online").equals("offline"),
                promptValues.contains("consent") || approvalPrompt.filter("force"::equals).isPresent(),
                request.queryParam("include_granted_scopes").filter("true"::equals).isPresent(),
                challenge, method, state.clock().now());

        Optional<Account> hinted = request.queryParam("login_hint").flatMap(h -> state.accounts().byHint(h));
        if (hinted.isPresent()) {
            Optional<ApiResponse> blocked = blockedFor(client.get(), hinted.get());
            if (blocked.isPresent()) return blocked.get();
        }
        if (promptValues.contains("none")) return silent(p, promptValues, hinted);

        String requestId = randomId();
        purgeExpired();
        pending.put(requestId, p);
        List<Account> accounts = state.accounts().all();
        String preselected = hinted.map(Account::email).orElse(accounts.isEmpty() ? "" : accounts.get(0).email());
        List<String> signIn = scopes.stream().filter(OAuthScopes::isSignIn).toList();
        List<String> optional = scopes.stream().filter(s -> !OAuthScopes.isSignIn(s)).toList();
        return ApiResponse.html(200, GoogleConsentScreen.render(requestId, p.clientId(), accounts, hostedDomains(accounts), preselected, signIn, optional));
    }

    /**
     * {@code prompt=none}: a code only when the hinted person needs neither sign-in nor consent; otherwise
     * {@code login_required} (no hint, unknown account, session control wants a sign-in), {@code consent_required}
     * (a requested scope not granted yet) or {@code interaction_required} ({@code none} with another prompt value).
     * The sandbox keeps no browser session, so without {@code login_hint} it cannot know who is signed in.
     */
    private ApiResponse silent(Pending p, Set<String> promptValues, Optional<Account> hinted) {
        if (promptValues.size() > 1) return redirectError(p, "interaction_required");
        if (hinted.isEmpty()) return redirectError(p, "login_required");
        if (state.identity().workspace().reauthenticationDue(hinted.get().id(), state.clock().now())) {
            return redirectError(p, "login_required");
        }
        if (!state.oauth().grantedScopes(p.clientId(), hinted.get().id()).containsAll(p.scopes())) {
            return redirectError(p, "consent_required");
        }
        return grant(p, hinted.get(), p.scopes(), "none", false, Optional.empty());
    }

    public ApiResponse decide(ApiRequest request) {
        Pending p = request.formParam("auth_request").map(pending::remove).orElse(null);
        if (p == null || p.createdAt().plus(PENDING_LIFETIME).isBefore(state.clock().now())) {
            return page(400, "invalid_request", "This authorization request is unknown, expired or already answered.");
        }
        String decision = request.formParam("decision").orElse("");
        if (decision.startsWith("error:")) {
            String error = decision.substring("error:".length());
            if (!GoogleConsentScreen.SIMULATED_ERRORS.contains(error)) return page(400, "invalid_request", "Unknown decision.");
            return redirectError(p, error);
        }
        if (!decision.equals("allow")) return redirectError(p, "access_denied");
        Optional<Account> account = request.formParam("account").flatMap(e -> state.accounts().byEmail(e));
        if (account.isEmpty()) return page(400, "invalid_request", "No account was chosen.");
        Optional<ApiResponse> blocked = blockedFor(state.client(p.clientId()).orElseThrow(), account.get());
        if (blocked.isPresent()) return blocked.get();
        Optional<Optional<Duration>> accessLimit = accessLimit(request.formParam("access_duration"));
        if (accessLimit.isEmpty()) return page(400, "invalid_request", "Invalid access_duration.");
        List<String> ticked = request.formParams("scope");
        List<String> granted = p.scopes().stream().filter(s -> OAuthScopes.isSignIn(s) || ticked.contains(s)).toList();
        state.identity().workspace().signedIn(account.get().id(), state.clock().now());
        return grant(p, account.get(), granted, "consent", true, accessLimit.get());
    }

    /** Google's own page when the app is internal to another organisation or the account's admin blocked it. */
    private Optional<ApiResponse> blockedFor(SandboxClient client, Account account) {
        Optional<SandboxWorkspacePolicy> policy = state.identity().workspace().policy(account.id());
        Optional<String> domain = policy.map(SandboxWorkspacePolicy::hostedDomain);
        if (client.internalTo().isPresent() && !domain.map(d -> d.equalsIgnoreCase(client.internalTo().get())).orElse(false)) {
            return Optional.of(page(403, "org_internal", "This client is restricted to users within its organization."));
        }
        if (policy.filter(po -> po.blocks(client.clientId())).isPresent()) {
            return Optional.of(page(400, "admin_policy_enforced", account.email() + "'s administrator has blocked access to "
                    + client.clientId() + " (Google Workspace admin policy)."));
        }
        return Optional.empty();
    }

    /** Empty when the value is bad; else the chosen limit (empty = until the person removes the app). */
    private static Optional<Optional<Duration>> accessLimit(Optional<String> value) {
        if (value.isEmpty() || value.get().equals(GoogleConsentScreen.UNLIMITED)) return Optional.of(Optional.empty());
        if (!value.get().matches("\\d{1,9}")) return Optional.empty();
        long seconds = Long.parseLong(value.get());
        if (seconds < 1 || seconds > LONGEST_ACCESS_SECONDS) return Optional.empty();
        return Optional.of(Optional.of(Duration.ofSeconds(seconds)));
    }

    private ApiResponse grant(Pending p, Account account, List<String> chosen, String promptShown, boolean consentShown,
                              Optional<Duration> accessLimit) {
        Set<String> scopes = new LinkedHashSet<>(chosen);
        if (p.includeGrantedScopes()) scopes.addAll(state.oauth().grantedScopes(p.clientId(), account.id()));
        boolean firstConsent = !state.oauth().hasConsented(p.clientId(), account.id());
        boolean refresh = p.offline() && (firstConsent || p.forceConsent());
        String code = state.oauth().issueCode(new OAuthStore.AuthCode(p.clientId(), p.redirectUri(), account.id(),
                List.copyOf(scopes), refresh, p.codeChallenge(), p.challengeMethod(),
                state.clock().now().plus(OAuthStore.CODE_LIFETIME), consentShown, accessLimit));
        LOG.debug("authorization granted to client {} for user {} with scopes {}", p.clientId(), account.id(), scopes);
        Map<String, String> params = new LinkedHashMap<>();
        p.state().ifPresent(s -> params.put("state", s));
        params.put("iss", state.identity().issuer().oidc());
        params.put("code", code);
        params.put("scope", OAuthScopes.join(scopes));
        params.put("authuser", "0");
        state.identity().workspace().hostedDomain(account.id()).ifPresent(hd -> params.put("hd", hd));
        params.put("prompt", promptShown);
        return ApiResponse.redirect(withQuery(p.redirectUri(), params));
    }

    private Map<String, String> hostedDomains(List<Account> accounts) {
        Map<String, String> out = new LinkedHashMap<>();
        accounts.forEach(a -> state.identity().workspace().hostedDomain(a.id()).ifPresent(hd -> out.put(a.email(), hd)));
        return out;
    }

    private ApiResponse redirectError(Pending p, String error) {
        return redirectError(p.redirectUri(), p.state(), error);
    }

    private ApiResponse redirectError(String redirectUri, Optional<String> clientState, String error) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        clientState.ifPresent(s -> params.put("state", s));
        params.put("iss", state.identity().issuer().oidc());
        LOG.debug("authorization answered with error {}", error);
        return ApiResponse.redirect(withQuery(redirectUri, params));
    }

    /** Google leaves '/' unescaped in the code ("4/0A..."); everything else is form-encoded once. */
    private static String withQuery(String uri, Map<String, String> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((k, v) -> pairs.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8).replace("%2F", "/").replace("+", "%20")));
        return uri + (uri.contains("?") ? "&" : "?") + String.join("&", pairs);
    }

    private static ApiResponse page(int status, String error, String description) {
        return ApiResponse.html(status, GooglePages.errorPage(status, error, description));
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
