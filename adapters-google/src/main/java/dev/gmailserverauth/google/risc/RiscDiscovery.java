package dev.gmailserverauth.google.risc;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.text.ParseException;

/**
 * Reads an issuer's {@code /.well-known/risc-configuration}: {@code {"issuer": …, "jwks_uri": …, …}}.
 * The key set's URL is taken from it rather than hard-coded, as Google advises.
 */
final class RiscDiscovery {

    /** The two fields the receiver uses. */
    record Document(String issuer, URL jwksUri) {
    }

    private RiscDiscovery() {
    }

    static Document fetch(ResourceRetriever retriever, URI discoveryUrl) throws IOException {
        String body = retriever.retrieveResource(discoveryUrl.toURL()).getContent();
        try {
            var json = JSONObjectUtils.parse(body);
            String issuer = JSONObjectUtils.getString(json, "issuer");
            String jwksUri = JSONObjectUtils.getString(json, "jwks_uri");
            if (issuer == null || jwksUri == null) throw new IOException(discoveryUrl + " has no issuer or no jwks_uri");
            URI keys = new URI(jwksUri);
            if (!keys.isAbsolute()) throw new IOException(discoveryUrl + " names a relative jwks_uri");
            return new Document(issuer, keys.toURL());
        } catch (ParseException | URISyntaxException | IllegalArgumentException e) {
            throw new IOException(discoveryUrl + " is not a RISC configuration document: " + e.getMessage(), e);
        }
    }
}
