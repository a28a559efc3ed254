package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.domain.model.HttpUrls;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How connected mailboxes are kept in sync while nobody is looking: Gmail's push (a Pub/Sub topic, pushed to
 * the app or pulled by it) and the safety poll.
 *
 * @param enabled            {@code APP_SYNC} ({@code on}, the default, or {@code off}): whether connected mailboxes are synced at all
 * @param topic              {@code GMAIL_PUBSUB_TOPIC}: given to {@code users.watch}; empty: no watch, history polling only
 * @param pushPath           {@code GMAIL_PUSH_PATH}: where pushes arrive
 * @param pushAudience       {@code GMAIL_PUSH_AUDIENCE}: the {@code aud} a push token must carry; empty: the base URL + the push path
 * @param pushServiceAccount {@code GMAIL_PUSH_SERVICE_ACCOUNT}: the {@code email} a push token must carry
 * @param subscription       {@code GMAIL_PUBSUB_SUBSCRIPTION}: pull mode instead of push
 * @param oidcCertsUrl       {@code GOOGLE_OIDC_CERTS_URL}: the keys push tokens are signed with
 * @param pubsubRootUrl      {@code GOOGLE_PUBSUB_ROOT_URL}: Pub/Sub's REST API, for pull mode
 * @param pollInterval       {@code APP_SYNC_POLL_INTERVAL}: each mailbox's history is read at least this often
 * @param backfill           {@code APP_SYNC_BACKFILL}: how many of the newest messages the first sync takes
 */
public record SyncConfig(boolean enabled, Optional<String> topic, String pushPath, Optional<URI> pushAudience, Optional<String> pushServiceAccount,
                         Optional<String> subscription, URI oidcCertsUrl, URI pubsubRootUrl, Duration pollInterval, int backfill) {
    public static final String DEFAULT_PUSH_PATH = "/gmail/push";
    public static final URI GOOGLE_OIDC_CERTS_URL = URI.create("https://www.googleapis.com/oauth2/v3/certs");
    public static final URI GOOGLE_PUBSUB_ROOT_URL = URI.create("https://pubsub.googleapis.com/");
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(10);
    public static final int DEFAULT_BACKFILL = 1000;
    static final Pattern TOPIC = Pattern.compile("projects/[^/\\s]+/topics/[^/\\s]+");
    static final Pattern SUBSCRIPTION = Pattern.compile("projects/[^/\\s]+/subscriptions/[^/\\s]+");

    public SyncConfig {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(pushPath, "pushPath");
        Objects.requireNonNull(pushAudience, "pushAudience");
        Objects.requireNonNull(pushServiceAccount, "pushServiceAccount");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(oidcCertsUrl, "oidcCertsUrl");
        Objects.requireNonNull(pubsubRootUrl, "pubsubRootUrl");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (backfill < 0) throw new IllegalArgumentException("backfill is negative");
    }

    public static SyncConfig defaults() {
        return new SyncConfig(true, Optional.empty(), DEFAULT_PUSH_PATH, Optional.empty(), Optional.empty(), Optional.empty(), GOOGLE_OIDC_CERTS_URL,
                GOOGLE_PUBSUB_ROOT_URL, DEFAULT_POLL_INTERVAL, DEFAULT_BACKFILL);
    }

    /** Pushes are received (not pulled) when a topic is watched and no subscription is pulled. */
    public boolean pushMode() {
        return topic.isPresent() && subscription.isEmpty();
    }

    /** The {@code aud} push tokens must carry: as configured, else where pushes arrive ({@code baseUrl} + the push path). */
    public URI pushAudience(URI baseUrl) {
        return pushAudience.orElseGet(() -> URI.create(HttpUrls.withoutTrailingSlash(baseUrl.toString()) + pushPath));
    }
}
