package dev.gmailserverauth.web;

import java.util.Optional;

/** Reads one cookie from a {@code Cookie} header, tolerating whatever else the header holds. */
final class Cookies {
    private static final int MAX_HEADER = 8192;

    private Cookies() {
    }

    static Optional<String> get(String header, String name) {
        if (header == null || header.length() > MAX_HEADER) return Optional.empty();
        for (String part : header.split(";")) {
            String pair = part.trim();
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                String value = pair.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
                return Optional.of(value).filter(v -> !v.isEmpty());
            }
        }
        return Optional.empty();
    }
}
