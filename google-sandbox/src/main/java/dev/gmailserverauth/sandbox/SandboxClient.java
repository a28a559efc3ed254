package dev.gmailserverauth.sandbox;

import java.util.List;

/** An OAuth client registered with the sandbox, as in a client_secrets.json "web" entry. */
public record SandboxClient(String clientId, String clientSecret, List<String> redirectUris) {
    public static final String DEFAULT_ID = "sandbox-client.apps.googleusercontent.com";
    public static final String DEFAULT_SECRET = "sandbox-secret";

    public SandboxClient {
        if (clientId == null || clientId.isBlank()) throw new IllegalArgumentException("client id is blank");
        if (clientSecret == null || clientSecret.isBlank()) throw new IllegalArgumentException("client secret is blank");
        if (redirectUris == null) throw new IllegalArgumentException("redirect uris are null");
        redirectUris = List.copyOf(redirectUris);
    }

    /** The default client with these redirect URIs. */
    public static SandboxClient defaultClient(List<String> redirectUris) {
        return new SandboxClient(DEFAULT_ID, DEFAULT_SECRET, redirectUris);
    }

    @Override
    public String toString() {
        return "SandboxClient[clientId=" + clientId + ", clientSecret=***, redirectUris=" + redirectUris + "]";
    }
}
