package dev.gmailserverauth.google;

import dev.gmailserverauth.domain.model.AuthorizationCode;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the person in the browser on the sandbox's consent page, with plain HTTP and no redirects
 * followed: GET the consent URL, read the form, POST the decision, read the redirect back.
 */
final class SandboxBrowser {
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]*)\"");
    private static final Pattern AUTH_REQUEST = Pattern.compile("name=\"auth_request\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern SCOPE_BOX = Pattern.compile("name=\"scope\"[^>]*value=\"([^\"]*)\"");

    /** The redirect back: its query parameters (decoded once, as a browser hands them to the server). */
    record Redirect(URI location, Map<String, String> query) {
        Optional<String> param(String name) {
            return Optional.ofNullable(query.get(name));
        }

        AuthorizationCode code() {
            return new AuthorizationCode(param("code").orElseThrow(() -> new AssertionError("no code in redirect " + location)));
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Signs in as {@code email}, grants every offered scope (the Gmail one only when {@code grantGmail}) and allows. */
    AuthorizationCode consent(AuthorizationUrl url, String email, boolean grantGmail) {
        return decide(url, email, grantGmail, true).code();
    }

    Redirect decide(AuthorizationUrl url, String email, boolean grantGmail, boolean allow) {
        return decide(url, email, grantGmail, allow, Optional.empty());
    }

    /** As {@link #decide(AuthorizationUrl, String, boolean, boolean)}, choosing time-limited access ({@code access_duration}, seconds). */
    Redirect decide(AuthorizationUrl url, String email, boolean grantGmail, boolean allow, Optional<String> accessDuration) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(url.value()).GET().build());
        if (page.statusCode() != 200) throw new AssertionError("consent page answered " + page.statusCode() + ": " + page.body());
        String html = page.body();
        List<String> form = new ArrayList<>();
        form.add(pair("auth_request", unescape(find(AUTH_REQUEST, html))));
        form.add(pair("account", email));
        Matcher boxes = SCOPE_BOX.matcher(html);
        while (boxes.find()) {
            String scope = unescape(boxes.group(1));
            if (grantGmail || !scope.contains("gmail")) form.add(pair("scope", scope));
        }
        accessDuration.ifPresent(seconds -> form.add(pair("access_duration", seconds)));
        form.add(pair("decision", allow ? "allow" : "cancel"));
        URI action = url.value().resolve(unescape(find(FORM_ACTION, html)));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form)))
                .build());
        if (answer.statusCode() != 302) throw new AssertionError("decision answered " + answer.statusCode() + ": " + answer.body());
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        return new Redirect(location, query(location));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("sandbox unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) return params;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String find(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) throw new AssertionError("consent page has no " + pattern + ": " + html);
        return m.group(1);
    }

    private static String pair(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
