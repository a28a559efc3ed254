package dev.gmailserverauth.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A test browser: follows no redirects, keeps its cookies (the session cookie and the sign-in nonce),
 * can send forms and extra headers.
 */
final class Browser {
    private final String origin;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    Browser(String origin) {
        this.origin = origin;
    }

    String origin() {
        return origin;
    }

    int port() {
        return URI.create(origin).getPort();
    }

    /** The session cookie, as {@code name=value}. */
    Optional<String> cookie() {
        return cookies.entrySet().stream().filter(c -> c.getKey().endsWith("sid")).map(c -> c.getKey() + "=" + c.getValue()).findFirst();
    }

    /** The cookie of this name, as {@code name=value}. */
    Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name)).map(value -> name + "=" + value);
    }

    void setCookie(String nameAndValue) {
        String[] pair = nameAndValue.split("=", 2);
        cookies.put(pair[0], pair.length > 1 ? pair[1] : "");
    }

    /** Forgets every cookie: a fresh browser. */
    void clearCookie() {
        cookies.clear();
    }

    Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(origin + pathAndQuery)).GET());
    }

    /** A GET whose answer is kept as bytes (a download). */
    Download download(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + pathAndQuery)).GET();
        cookieHeader().ifPresent(header -> request.header("Cookie", header));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Download(int status, HttpHeaders headers, byte[] body) {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    Response post(String path, String formBody) {
        return send(HttpRequest.newBuilder(URI.create(origin + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)));
    }

    Response send(HttpRequest.Builder request) {
        cookieHeader().ifPresent(header -> request.header("Cookie", header));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            response.headers().allValues("Set-Cookie").forEach(this::remember);
            checkAgainstOpenApi(response);
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> cookieHeader() {
        if (cookies.isEmpty()) return Optional.empty();
        return Optional.of(String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
    }

    /** Every JSON answer of the API that any test receives must be one its OpenAPI document describes. */
    private static void checkAgainstOpenApi(HttpResponse<String> response) {
        String path = response.request().uri().getRawPath();
        boolean json = response.headers().firstValue("Content-Type").filter(type -> type.startsWith("application/json")).isPresent();
        if ((path.equals("/api") || path.startsWith("/api/")) && json) {
            OpenApiContract.get().check(response.request().method(), path, response.statusCode(), response.body());
        }
    }

    private void remember(String setCookie) {
        String[] pair = setCookie.split(";", 2)[0].split("=", 2);
        if (setCookie.contains("Max-Age=0") || pair.length < 2 || pair[1].isEmpty()) {
            cookies.remove(pair[0]);
        } else {
            cookies.put(pair[0], pair[1]);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Response(int status, HttpHeaders headers, String body) {
        String location() {
            return headers.firstValue("Location").orElseThrow(() -> new AssertionError("no Location header; status " + status));
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The page parsed by jsoup, for assertions on its DOM. */
        Document dom() {
            return Jsoup.parse(body);
        }

        List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        /** The href of the element with this id, HTML entities undone. */
        String hrefOf(String id) {
            Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*href=\"([^\"]*)\"").matcher(body);
            if (!m.find()) throw new AssertionError("no link #" + id + " in:\n" + body);
            return m.group(1).replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
        }

        /** The value of the hidden CSRF field of the first form. */
        String csrfToken() {
            Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"").matcher(body);
            if (!m.find()) throw new AssertionError("no CSRF field in:\n" + body);
            return m.group(1);
        }

        /** The number of elements with this class (exact class token). */
        int count(String cssClass) {
            Matcher m = Pattern.compile("class=\"([^\"]*)\"").matcher(body);
            int n = 0;
            while (m.find()) if (List.of(m.group(1).split(" ")).contains(cssClass)) n++;
            return n;
        }
    }
}
