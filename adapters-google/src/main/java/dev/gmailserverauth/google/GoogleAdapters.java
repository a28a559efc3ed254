package dev.gmailserverauth.google;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import dev.gmailserverauth.google.pubsub.GooglePushTokenVerifier;
import dev.gmailserverauth.google.pubsub.GooglePushVerifierConfig;
import dev.gmailserverauth.google.pubsub.PubSubNotificationSubscription;
import dev.gmailserverauth.google.pubsub.PubSubPullConfig;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Google adapters with the transport they share: the one factory bootstrap calls.
 *
 * <pre>{@code
 * try (GoogleAdapters google = GoogleAdapters.create(GoogleAdapterConfig.forGoogle(id, secret), Clock.systemUTC())) {
 *     AuthorizationProvider auth = google.authorizationProvider();
 *     Mailbox mailbox = google.mailbox();
 * }
 * }</pre>
 *
 * <p>Logging: google-http-client's own wire logging is switched off per request ({@link HttpSetup}).
 * Apache HttpClient logs through commons-logging; keep {@code org.apache.http.wire} and
 * {@code org.apache.http.headers} below DEBUG, or bearer tokens and form bodies would reach the log.
 */
public final class GoogleAdapters implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GoogleAdapters.class);

    private final HttpTransport transport;
    private final GoogleAuthorizationProvider authorizationProvider;
    private final GmailMailbox mailbox;
    private final GmailMailboxChanges mailboxChanges;
    private final GoogleAdapterConfig config;
    private final JsonFactory json;

    private GoogleAdapters(HttpTransport transport, GoogleAuthorizationProvider authorizationProvider, GmailMailbox mailbox,
                           GmailMailboxChanges mailboxChanges, GoogleAdapterConfig config, JsonFactory json) {
        this.config = config;
        this.json = json;
        this.transport = transport;
        this.authorizationProvider = authorizationProvider;
        this.mailbox = mailbox;
        this.mailboxChanges = mailboxChanges;
    }

    public static GoogleAdapters create(GoogleAdapterConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        HttpTransport transport = GoogleHttpTransport.create();
        JsonFactory json = GsonFactory.getDefaultInstance();
        LOG.info("Google adapters: token endpoint {}, Gmail at {}", config.tokenUrl(), config.gmailRootUrl());
        GmailMailbox mailbox = new GmailMailbox(config, transport, json, clock);
        return new GoogleAdapters(transport, new GoogleAuthorizationProvider(config, clock, transport, json), mailbox,
                new GmailMailboxChanges(config, transport, json, mailbox), config, json);
    }

    public GoogleAuthorizationProvider authorizationProvider() {
        return authorizationProvider;
    }

    public GmailMailbox mailbox() {
        return mailbox;
    }

    /** History and watches, on the same per-user budget as {@link #mailbox()}. */
    public GmailMailboxChanges mailboxChanges() {
        return mailboxChanges;
    }

    /**
     * Pull mode: Gmail's notifications read from a Pub/Sub subscription as the server's service account, over this
     * transport with these time-outs.
     *
     * @throws dev.gmailserverauth.domain.error.ProviderConfigurationException when no service account credentials are found
     */
    public PubSubNotificationSubscription notificationSubscription(PubSubPullConfig pull) {
        return PubSubNotificationSubscription.create(Objects.requireNonNull(pull, "pull"), transport, json,
                HttpSetup.initializer(config.connectTimeout(), config.readTimeout()), config.applicationName());
    }

    /** The verifier of the OIDC token on Pub/Sub pushes; it fetches Google's keys on first use. */
    public static GooglePushTokenVerifier pushTokenVerifier(GooglePushVerifierConfig push, Clock clock) {
        return GooglePushTokenVerifier.create(push, clock);
    }

    @Override
    public void close() {
        mailbox.close();
        try {
            transport.shutdown();
        } catch (IOException e) {
            LOG.warn("closing the HTTP transport failed: {}", e.getMessage());
        }
    }
}
