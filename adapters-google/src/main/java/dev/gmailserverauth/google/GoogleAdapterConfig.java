package dev.gmailserverauth.google;

import dev.gmailserverauth.domain.model.HttpUrls;
import dev.gmailserverauth.domain.model.RedirectUri;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the Google adapters need: the OAuth client, every endpoint (so the same code runs
 * against Google or the sandbox), time-outs, the retry policy with the one deadline of every call
 * ({@link RetryPolicy#deadline()}), Gmail's per-user limits and a listener for metrics. Bootstrap builds
 * it; the adapters never read the environment themselves.
 */
public record GoogleAdapterConfig(
        String clientId,
        String clientSecret,
        URI authorizationUrl,
        URI tokenUrl,
        URI revokeUrl,
        URI userinfoRootUrl,
        URI gmailRootUrl,
        URI batchUrl,
        Duration connectTimeout,
        Duration readTimeout,
        String applicationName,
        RetryPolicy retryPolicy,
        GmailLimits limits,
        GoogleCallListener callListener) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);
    public static final String DEFAULT_APPLICATION_NAME = "gmail-server-auth";

    /** Google's published endpoints (Google's OAuth 2.0 for web server applications guide and the Gmail API reference). */
    public static final URI GOOGLE_AUTHORIZATION_URL = URI.create("https://accounts.google.com/o/oauth2/v2/auth");
    public static final URI GOOGLE_TOKEN_URL = URI.create("https://oauth2.googleapis.com/token");
    public static final URI GOOGLE_REVOKE_URL = URI.create("https://oauth2.googleapis.com/revoke");
    public static final URI GOOGLE_USERINFO_ROOT_URL = URI.create("https://www.googleapis.com/");
    public static final URI GOOGLE_GMAIL_ROOT_URL = URI.create("https://gmail.googleapis.com/");
    /** The batch path of the Gmail batching guide (the discovery document's {@code batch} also works). */
    public static final URI GOOGLE_BATCH_URL = URI.create("https://gmail.googleapis.com/batch/gmail/v1");

    public GoogleAdapterConfig {
        requireText(clientId, "client id");
        requireText(clientSecret, "client secret");
        requireHttp(authorizationUrl, "authorization url");
        requireHttp(tokenUrl, "token url");
        requireHttp(revokeUrl, "revoke url");
        requireHttp(userinfoRootUrl, "userinfo root url");
        requireHttp(gmailRootUrl, "gmail root url");
        requireHttp(batchUrl, "batch url");
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(readTimeout, "read timeout");
        requireText(applicationName, "application name");
        Objects.requireNonNull(retryPolicy, "retry policy");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(callListener, "call listener");
        userinfoRootUrl = HttpUrls.withTrailingSlash(userinfoRootUrl);
        gmailRootUrl = HttpUrls.withTrailingSlash(gmailRootUrl);
    }

    /** The same with Gmail's default limits ({@link GmailLimits#DEFAULT}) and no listener. */
    public GoogleAdapterConfig(String clientId, String clientSecret, URI authorizationUrl, URI tokenUrl, URI revokeUrl,
                               URI userinfoRootUrl, URI gmailRootUrl, URI batchUrl, Duration connectTimeout,
                               Duration readTimeout, String applicationName, RetryPolicy retryPolicy) {
        this(clientId, clientSecret, authorizationUrl, tokenUrl, revokeUrl, userinfoRootUrl, gmailRootUrl, batchUrl,
                connectTimeout, readTimeout, applicationName, retryPolicy, GmailLimits.DEFAULT, GoogleCallListener.NONE);
    }

    /** The same without a retry policy: {@link RetryPolicy#DEFAULT}. */
    public GoogleAdapterConfig(String clientId, String clientSecret, URI authorizationUrl, URI tokenUrl, URI revokeUrl,
                               URI userinfoRootUrl, URI gmailRootUrl, URI batchUrl, Duration connectTimeout,
                               Duration readTimeout, String applicationName) {
        this(clientId, clientSecret, authorizationUrl, tokenUrl, revokeUrl, userinfoRootUrl, gmailRootUrl, batchUrl,
                connectTimeout, readTimeout, applicationName, RetryPolicy.DEFAULT);
    }

    /** Google's real endpoints, default time-outs (5 s connect, 20 s read). */
    public static GoogleAdapterConfig forGoogle(String clientId, String clientSecret) {
        return new GoogleAdapterConfig(clientId, clientSecret, GOOGLE_AUTHORIZATION_URL, GOOGLE_TOKEN_URL, GOOGLE_REVOKE_URL,
                GOOGLE_USERINFO_ROOT_URL, GOOGLE_GMAIL_ROOT_URL, GOOGLE_BATCH_URL, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, DEFAULT_APPLICATION_NAME);
    }

    /** The google-sandbox at {@code baseUrl}, which serves Google's paths under its root. */
    public static GoogleAdapterConfig forSandbox(URI baseUrl, String clientId, String clientSecret) {
        URI root = HttpUrls.withTrailingSlash(Objects.requireNonNull(baseUrl, "base url"));
        return new GoogleAdapterConfig(clientId, clientSecret, root.resolve("o/oauth2/v2/auth"), root.resolve("token"),
                root.resolve("revoke"), root, root, root.resolve("batch/gmail/v1"), DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, DEFAULT_APPLICATION_NAME);
    }

    /**
     * Google's endpoints with the client of a downloaded {@code client_secrets.json}: its {@code auth_uri}
     * and {@code token_uri} are honoured (Google's own flow builder ignores them), and {@code redirectUri}
     * must be one of its {@code redirect_uris}.
     *
     * @throws GoogleConfigurationException naming the file and the problem
     */
    public static GoogleAdapterConfig fromClientSecrets(Path file, RedirectUri redirectUri) {
        ClientSecretsFile secrets = ClientSecretsFile.load(file);
        secrets.requireRedirectUri(redirectUri);
        return forGoogle(secrets.clientId(), secrets.clientSecret())
                .withAuthorizationUrl(secrets.authUri().orElse(GOOGLE_AUTHORIZATION_URL))
                .withTokenUrl(secrets.tokenUri().orElse(GOOGLE_TOKEN_URL));
    }

    public GoogleAdapterConfig withAuthorizationUrl(URI url) {
        return new GoogleAdapterConfig(clientId, clientSecret, url, tokenUrl, revokeUrl, userinfoRootUrl, gmailRootUrl,
                batchUrl, connectTimeout, readTimeout, applicationName, retryPolicy, limits, callListener);
    }

    public GoogleAdapterConfig withTokenUrl(URI url) {
        return new GoogleAdapterConfig(clientId, clientSecret, authorizationUrl, url, revokeUrl, userinfoRootUrl, gmailRootUrl,
                batchUrl, connectTimeout, readTimeout, applicationName, retryPolicy, limits, callListener);
    }

    public GoogleAdapterConfig withRevokeUrl(URI url) {
        return new GoogleAdapterConfig(clientId, clientSecret, authorizationUrl, tokenUrl, url, userinfoRootUrl, gmailRootUrl,
                batchUrl, connectTimeout, readTimeout, applicationName, retryPolicy, limits, callListener);
    }

    public GoogleAdapterConfig withUserinfoRootUrl(URI url) {
        return new GoogleAdapterConfig(clientId, clientSecret, authorizationUrl, tokenUrl, revokeUrl, url, gmailRootUrl,
                batchUrl, connectTimeout, readTimeout, applicationName, retryPolicy, limits, callListener);
    }

    /** The Gmail API root and its batch endpoint, which move together. */
    public GoogleAdapterConfig withGmailUrls(URI root, URI batch) {
        return new GoogleAdapterConfig(clientId, clientSecret, authorizationUrl, tokenUrl, revokeUrl, userinfoRootUrl, root,
                batch, connectTimeout, readTimeout, applicationName, retryPolicy, limits, callListener);
    }

    public GoogleAdapterConfig withTimeouts(Duration connect, Duration read) {
        return new GoogleAdapterConfig(clientId, clientSecret, authorizationUrl, tokenUrl, revokeUrl, userinfoRootUrl,
                gmailRootUrl, batchUrl, connect, read, applicationName, retryPolicy, limits, callListener);
    }

    public GoogleAdapterConfig withRetryPolicy(RetryPolicy policy) {
        return new GoogleAdapterConfig(clientId, clientSecret, authorizationUrl, tokenUrl, revokeUrl, userinfoRootUrl,
                gmailRootUrl, batchUrl, connectTimeout, readTimeout, applicationName, policy, limits, callListener);
    }

    public GoogleAdapterConfig withApplicationName(String name) {
        return new GoogleAdapterConfig(clientId, clientSecret, authorizationUrl, tokenUrl, revokeUrl, userinfoRootUrl,
                gmailRootUrl, batchUrl, connectTimeout, readTimeout, name, retryPolicy, limits, callListener);
    }

    /** The one deadline of every call to Google: tries, waits for the user's limits and backoff included. */
    public GoogleAdapterConfig withDeadline(Duration deadline) {
        return withRetryPolicy(retryPolicy.withDeadline(deadline));
    }

    public GoogleAdapterConfig withLimits(GmailLimits gmailLimits) {
        return new GoogleAdapterConfig(clientId, clientSecret, authorizationUrl, tokenUrl, revokeUrl, userinfoRootUrl,
                gmailRootUrl, batchUrl, connectTimeout, readTimeout, applicationName, retryPolicy, gmailLimits, callListener);
    }

    /** Who hears of every Gmail call, for metrics (bootstrap's Micrometer binding; none by default). */
    public GoogleAdapterConfig withCallListener(GoogleCallListener listener) {
        return new GoogleAdapterConfig(clientId, clientSecret, authorizationUrl, tokenUrl, revokeUrl, userinfoRootUrl,
                gmailRootUrl, batchUrl, connectTimeout, readTimeout, applicationName, retryPolicy, limits, listener);
    }

    @Override
    public String toString() {
        return "GoogleAdapterConfig[clientId=" + clientId + ", clientSecret=***, authorizationUrl=" + authorizationUrl
                + ", tokenUrl=" + tokenUrl + ", revokeUrl=" + revokeUrl + ", userinfoRootUrl=" + userinfoRootUrl
                + ", gmailRootUrl=" + gmailRootUrl + ", batchUrl=" + batchUrl + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", applicationName=" + applicationName + ", retryPolicy=" + retryPolicy
                + ", limits=" + limits + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " is blank");
    }

    private static void requireHttp(URI uri, String name) {
        Objects.requireNonNull(uri, name);
        if (!HttpUrls.isHttp(uri)) throw new IllegalArgumentException(name + " must be an absolute http(s) URL: " + uri);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) throw new IllegalArgumentException(name + " must be positive");
    }
}
