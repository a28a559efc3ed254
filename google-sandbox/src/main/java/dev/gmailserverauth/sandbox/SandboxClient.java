package dev.gmailserverauth.sandbox;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth client registered with the sandbox, as in a client_secrets.json "web" entry, plus two settings of its
 * Google Cloud project.
 *
 * @param publishingStatus {@link PublishingStatus#TESTING} gives every refresh token for scopes beyond basic
 *                         sign-in a 7-day life, as Google does for projects in "Testing" with external users
 * @param internalTo       a Workspace domain: the app is "Internal" to that organisation, and any other account is
 *                         refused with Google's {@code org_internal} page; empty = external (anyone may sign in)
 */
public record SandboxClient(String clientId, String clientSecret, List<String> redirectUris,
                            PublishingStatus publishingStatus, Optional<String> internalTo) {
    public static final String DEFAULT_ID = "sandbox-client.apps.googleusercontent.com";
    public static final String DEFAULT_SECRET = "sandbox-secret";

    /** The OAuth consent screen's publishing status (Google Cloud console, "Audience"). */
    public enum PublishingStatus { IN_PRODUCTION, TESTING }

    public SandboxClient {
        if (clientId == null || clientId.isBlank()) throw new IllegalArgumentException("client id is blank");
        if (clientSecret == null || clientSecret.isBlank()) throw new IllegalArgumentException("client secret is blank");
        if (redirectUris == null) throw new IllegalArgumentException("redirect uris are null");
        Objects.requireNonNull(publishingStatus, "publishingStatus");
        Objects.requireNonNull(internalTo, "internalTo");
        if (internalTo.filter(String::isBlank).isPresent()) throw new IllegalArgumentException("internal domain is blank");
        redirectUris = List.copyOf(redirectUris);
    }

    /** An external client in production. */
    public SandboxClient(String clientId, String clientSecret, List<String> redirectUris) {
        this(clientId, clientSecret, redirectUris, PublishingStatus.IN_PRODUCTION, Optional.empty());
    }

    /** The default client with these redirect URIs. */
    public static SandboxClient defaultClient(List<String> redirectUris) {
        return new SandboxClient(DEFAULT_ID, DEFAULT_SECRET, redirectUris);
    }

    public SandboxClient withPublishingStatus(PublishingStatus status) {
        return new SandboxClient(clientId, clientSecret, redirectUris, status, internalTo);
    }

    /** The app becomes "Internal" to this Workspace domain. */
    public SandboxClient internalTo(String domain) {
        return new SandboxClient(clientId, clientSecret, redirectUris, publishingStatus, Optional.of(domain));
    }

    @Override
    public String toString() {
        return "SandboxClient[clientId=" + clientId + ", clientSecret=***, redirectUris=" + redirectUris
                + ", publishingStatus=" + publishingStatus + ", internalTo=" + internalTo + "]";
    }
}
