package dev.gmailserverauth.domain.model;

import java.util.Objects;

/** One message header, its value already decoded from RFC 2047 encoded words. */
public record Header(String name, String value) {
    public Header {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("header name is blank");
        Objects.requireNonNull(value, "header value");
    }
}
