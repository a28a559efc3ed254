package dev.gmailserverauth.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a user in with plain HTTP, as a browser would: the app's {@code /login}, the sandbox's consent
 * form, the callback. Returns the {@code Cookie} header of the new session. For tests and benchmarks
 * that need many signed-in users without a browser.
 */
public final class HttpSignIn {
    private static final Pattern AUTH_REQUEST = Pattern.compile("name=\"auth_request\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SCOPE = Pattern.compile("name=\"scope\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Signs {@code email} in at the app and grants every scope on the consent page. */
    public String signIn(URI appBaseUrl, String email) {
        HttpResponse<String> callback = complete(appBaseUrl, email);
        List<String> cookies = callback.headers().allValues("Set-Cookie");
        if (callback.statusCode() != 302 || cookies.isEmpty()) {
            throw new IllegalStateException("sign-in of " + email + " did not end in a session: " + callback.statusCode());
        }
        return cookies.stream().map(c -> c.split(";", 2)[0]).collect(Collectors.joining("; "));
    }

    /** The whole sign-in up to the app's answer to the callback, whatever it is. */
    public HttpResponse<String> complete(URI appBaseUrl, String email) {
        return complete(appBaseUrl, "/login", email);
    }

    /** The whole sign-in started at {@code loginPath} ({@code /login}, {@code /login/workspace}) up to the app's answer to the callback. */
    public HttpResponse<String> complete(URI appBaseUrl, String loginPath, String email) {
        HttpResponse<String> login = get(appBaseUrl.resolve(loginPath), "");
        String signInCookie = login.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).collect(Collectors.joining("; "));
        return get(approve(URI.create(location(login)), email), signInCookie);
    }

    /** Plays the person on the sandbox's consent page at {@code consent}: picks the account, allows every scope. Returns the redirect back. */
    public URI approve(URI consent, String email) {
        HttpResponse<String> page = get(consent, "");
        String body = page.body();
        Matcher request = AUTH_REQUEST.matcher(body);
        if (!request.find()) throw new IllegalStateException("no consent form at " + consent + ": " + page.statusCode());
        StringBuilder form = new StringBuilder("decision=allow&auth_request=").append(encode(request.group(1)))
                .append("&account=").append(encode(email));
        Matcher scope = SCOPE.matcher(body);
        while (scope.find()) form.append("&scope=").append(encode(scope.group(1)));
        HttpResponse<String> decision = send(HttpRequest.newBuilder(consent.resolve("/o/oauth2/v2/auth/decision"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
        return URI.create(location(decision));
    }

    private HttpResponse<String> get(URI uri, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (!cookie.isEmpty()) request.header("Cookie", cookie);
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("expected a redirect from " + response.uri() + ", got " + response.statusCode()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
