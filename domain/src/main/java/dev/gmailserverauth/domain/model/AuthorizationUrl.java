package dev.gmailserverauth.domain.model;

import java.net.URI;
import java.util.Objects;

/** The provider's consent URL the browser is sent to. */
public record AuthorizationUrl(URI value) {
    public AuthorizationUrl {
        Objects.requireNonNull(value, "authorization url");
        if (!value.isAbsolute()) throw new IllegalArgumentException("authorization url must be absolute");
    }
}
