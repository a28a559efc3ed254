package dev.gmailserverauth.domain.model;

import java.net.URI;
import java.util.Objects;

/** The provider's consent URL the browser is sent to: always http(s), so a page can never carry a {@code javascript:} link. */
public record AuthorizationUrl(URI value) {
    public AuthorizationUrl {
        Objects.requireNonNull(value, "authorization url");
        HttpUrls.requireHttp(value, "authorization url");
    }
}
