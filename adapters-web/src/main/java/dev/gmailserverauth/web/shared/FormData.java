package dev.gmailserverauth.web.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.util.UrlEncoded;
import org.eclipse.jetty.util.Utf8StringBuilder;

/**
 * Parameters of a query string or a form body ({@code application/x-www-form-urlencoded}), decoded
 * strictly: a broken percent escape or bytes that are not UTF-8 are a {@link BadInput}, not a
 * replacement character or a server error. A repeated name keeps its first value.
 */
public final class FormData {
    static final int MAX_PARAMETERS = 64;

    private final Map<String, String> values;

    private FormData(Map<String, String> values) {
        this.values = values;
    }

    public static FormData empty() {
        return new FormData(Map.of());
    }

    public static FormData parse(String raw) {
        if (raw == null || raw.isEmpty()) return empty();
        if (raw.split("&", -1).length > MAX_PARAMETERS) throw new BadInput("too many parameters");
        Map<String, String> values = new LinkedHashMap<>();
        try {
            // Jetty's decoder, told to allow no bad percent escape, no bad and no truncated UTF-8.
            UrlEncoded.decodeUtf8To(raw, 0, raw.length(), values::putIfAbsent, false, false, false);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e instanceof Utf8StringBuilder.Utf8IllegalArgumentException
                    ? "a parameter is not valid UTF-8" : "a parameter has a broken percent escape");
        }
        return new FormData(values);
    }

    /** The value, or empty when the parameter is absent or has an empty value. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty());
    }
}
