package dev.gmailserverauth.sandbox.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An HTTP request as the sandbox's handlers see it, whether it came directly or as a batch part. */
public record ApiRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                         byte[] body, Map<String, List<String>> form) {
    public ApiRequest {
        form = Map.copyOf(form);
        if (method == null || path == null) throw new IllegalArgumentException("method and path are required");
        query = Map.copyOf(query);
        var h = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(h);
        if (body == null) throw new IllegalArgumentException("body is null");
    }

    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> formParam(String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> formParams(String name) {
        return form.getOrDefault(name, List.of());
    }

    public List<String> queryParams(String name) {
        return query.getOrDefault(name, List.of());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The bearer token from the Authorization header, or the {@code access_token}/{@code oauth_token} parameter. */
    public Optional<String> bearerToken() {
        Optional<String> fromHeader = header("Authorization")
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(v -> v.substring(7).trim());
        return fromHeader.or(() -> queryParam("access_token")).or(() -> queryParam("oauth_token")).filter(t -> !t.isBlank());
    }

    /**
     * The body as UTF-8 text, inflated first when it came {@code Content-Encoding: gzip} (Google's Java clients
     * compress the JSON bodies of POSTs); a body that does not inflate is read as it is.
     */
    public String bodyText() {
        boolean gzip = header("Content-Encoding").filter(e -> e.toLowerCase(Locale.ROOT).contains("gzip")).isPresent();
        if (!gzip) return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public String methodUpper() {
        return method.toUpperCase(Locale.ROOT);
    }
}
