package dev.gmailserverauth.google.pubsub;

import dev.gmailserverauth.domain.model.HttpUrls;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pull mode: the subscription to read Gmail's notifications from, Pub/Sub's REST root, and the service account key
 * file to authenticate with (empty: Application Default Credentials, that is {@code GOOGLE_APPLICATION_CREDENTIALS}
 * or the platform's own account, as google-auth-library finds them; the key file's {@code token_uri} is honoured).
 *
 * @param subscription {@code projects/P/subscriptions/S}
 * @param rootUrl Pub/Sub's REST root, {@code https://pubsub.googleapis.com/} at Google
 */
public record PubSubPullConfig(String subscription, URI rootUrl, Optional<Path> keyFile) {
    public static final URI GOOGLE_ROOT = URI.create("https://pubsub.googleapis.com/");
    private static final Pattern SUBSCRIPTION = Pattern.compile("projects/[^/]+/subscriptions/[^/]+");

    public PubSubPullConfig {
        if (subscription == null || !SUBSCRIPTION.matcher(subscription).matches()) {
            throw new IllegalArgumentException("the Pub/Sub subscription must read projects/P/subscriptions/S");
        }
        rootUrl = HttpUrls.withTrailingSlash(HttpUrls.requireHttp(rootUrl, "Pub/Sub root URL"));
        Objects.requireNonNull(keyFile, "keyFile");
    }

    /** Google's Pub/Sub, with Application Default Credentials. */
    public static PubSubPullConfig forGoogle(String subscription) {
        return new PubSubPullConfig(subscription, GOOGLE_ROOT, Optional.empty());
    }

    public PubSubPullConfig withRootUrl(URI url) {
        return new PubSubPullConfig(subscription, url, keyFile);
    }

    public PubSubPullConfig withKeyFile(Path file) {
        return new PubSubPullConfig(subscription, rootUrl, Optional.of(file));
    }
}
