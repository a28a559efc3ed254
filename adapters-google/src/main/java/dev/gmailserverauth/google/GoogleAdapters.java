package dev.gmailserverauth.google;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
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
 */
public final class GoogleAdapters implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GoogleAdapters.class);

    private final HttpTransport transport;
    private final GoogleAuthorizationProvider authorizationProvider;
    private final GmailMailbox mailbox;

    private GoogleAdapters(HttpTransport transport, GoogleAuthorizationProvider authorizationProvider, GmailMailbox mailbox) {
        this.transport = transport;
        this.authorizationProvider = authorizationProvider;
        this.mailbox = mailbox;
    }

    public static GoogleAdapters create(GoogleAdapterConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        // The JDK's HTTP client and trust store: Google's certificates chain to public roots, the sandbox is plain HTTP.
        HttpTransport transport = new NetHttpTransport();
        JsonFactory json = GsonFactory.getDefaultInstance();
        LOG.info("Google adapters: token endpoint {}, Gmail at {}", config.tokenUrl(), config.gmailRootUrl());
        return new GoogleAdapters(transport, new GoogleAuthorizationProvider(config, clock, transport, json),
                new GmailMailbox(config, transport, json));
    }

    public GoogleAuthorizationProvider authorizationProvider() {
        return authorizationProvider;
    }

    public GmailMailbox mailbox() {
        return mailbox;
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
