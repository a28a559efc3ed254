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
        String scheme = value.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) throw new IllegalArgumentException("redirect uri must be http(s)");
    }

    public static RedirectUri of(String uri) {
        return new RedirectUri(URI.create(uri));
    }
}
