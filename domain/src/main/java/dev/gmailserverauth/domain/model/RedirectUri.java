package dev.gmailserverauth.domain.model;

import java.net.URI;
import java.util.Objects;

/** Where the provider sends the browser back; must match a registered URI exactly. */
public record RedirectUri(URI value) {
    public RedirectUri {
        Objects.requireNonNull(value, "redirect uri");
        if (!value.isAbsolute() || value.getFragment() != null) {
            throw new IllegalArgumentException("redirect uri must be absolute and carry no fragment");
        }
        HttpUrls.requireHttp(value, "redirect uri");
    }

    public static RedirectUri of(String uri) {
        return new RedirectUri(URI.create(uri));
    }
}
