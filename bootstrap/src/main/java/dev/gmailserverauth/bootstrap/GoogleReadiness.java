package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.domain.model.RedirectUri;
import dev.gmailserverauth.google.GoogleAdapterConfig;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code google} readiness check: the Google configuration this instance runs on still holds, without
 * calling Google. A probe runs every few seconds on every instance; one that called Google would spend
 * quota, and one that failed over a blip at Google would take every instance out of service at once, which
 * helps no one (the app already answers Google's outages per request).
 * <ul>
 *   <li>Against Google: the client secrets file ({@code GMAIL_CLIENT_SECRETS}) is still readable, still
 *       parses, still lists this instance's redirect URI, and still names the client this instance runs as.
 *       A secret volume unmounted or replaced by another project's file shows here, before sign-ins fail.</li>
 *   <li>In sandbox mode: the embedded sandbox still accepts connections on its port (one local TCP connect).</li>
 * </ul>
 */
final class GoogleReadiness {
    private static final Logger LOG = LoggerFactory.getLogger(GoogleReadiness.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private final BooleanSupplier check;
    private final AtomicBoolean lastHeld = new AtomicBoolean(true);

    private GoogleReadiness(BooleanSupplier check) {
        this.check = check;
    }

    static GoogleReadiness of(AppConfig config, RedirectUri redirectUri, GoogleAdapterConfig running, Optional<GoogleSandbox> sandbox) {
        return sandbox.map(s -> new GoogleReadiness(() -> accepts(s.baseUrl())))
                .orElseGet(() -> new GoogleReadiness(() -> sameClient(config.clientSecrets().orElseThrow(), redirectUri, running.clientId())));
    }

    /** Whether the configuration still holds; a change either way is logged once, not at every probe. */
    boolean holds() {
        boolean holds = check.getAsBoolean();
        if (lastHeld.getAndSet(holds) != holds) {
            if (holds) LOG.info("the Google configuration holds again");
            else LOG.warn("the Google configuration no longer holds: not ready");
        }
        return holds;
    }

    private static boolean sameClient(Path clientSecrets, RedirectUri redirectUri, String clientId) {
        try {
            return GoogleAdapterConfig.fromClientSecrets(clientSecrets, redirectUri).clientId().equals(clientId);
        } catch (RuntimeException unreadable) {
            LOG.debug("the client secrets file {} cannot be used: {}", clientSecrets, unreadable.getMessage());
            return false;
        }
    }

    private static boolean accepts(URI url) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
