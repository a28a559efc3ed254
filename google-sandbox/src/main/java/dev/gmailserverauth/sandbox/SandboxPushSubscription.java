package dev.gmailserverauth.sandbox;

import java.net.URI;
import java.util.Objects;

/**
 * A Pub/Sub push subscription as the sandbox plays it: messages published to {@code topic} are POSTed to
 * {@code endpoint} with an OIDC token ({@code Authorization: Bearer}) signed by the sandbox's key set
 * ({@code /oauth2/v3/certs}), whose {@code aud} is {@code audience} and whose {@code email} is {@code serviceAccountEmail}.
 *
 * @param name {@code projects/P/subscriptions/S}
 * @param topic {@code projects/P/topics/T}, the topic given to {@code users.watch}
 */
public record SandboxPushSubscription(String name, String topic, URI endpoint, String audience, String serviceAccountEmail) {
    public SandboxPushSubscription {
        SandboxPubSubNames.requireSubscription(name);
        SandboxPubSubNames.requireTopic(topic);
        Objects.requireNonNull(endpoint, "endpoint");
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("the push endpoint must be an http(s) URL: " + endpoint);
        }
        if (audience == null || audience.isBlank()) throw new IllegalArgumentException("audience is blank");
        if (serviceAccountEmail == null || !serviceAccountEmail.contains("@")) throw new IllegalArgumentException("not a service account email");
    }

    /** The audience defaults to the endpoint URL, as Pub/Sub's does when none is configured. */
    public static SandboxPushSubscription of(String name, String topic, URI endpoint, String serviceAccountEmail) {
        return new SandboxPushSubscription(name, topic, endpoint, endpoint.toString(), serviceAccountEmail);
    }
}
