package dev.gmailserverauth.domain.fake;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the parameters of a URL's query, for assertions on authorization URLs. */
public final class QueryString {
    private final Map<String, String> parameters;

    private QueryString(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    public static QueryString of(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return new QueryString(parameters);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> new AssertionError("no query parameter " + name));
    }
}
