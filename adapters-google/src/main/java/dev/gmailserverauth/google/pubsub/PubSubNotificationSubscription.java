package dev.gmailserverauth.google.pubsub;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.GenericJson;
import com.google.api.client.json.JsonFactory;
import com.google.api.services.pubsub.Pubsub;
import com.google.api.services.pubsub.PubsubScopes;
import com.google.api.services.pubsub.model.AcknowledgeRequest;
import com.google.api.services.pubsub.model.PubsubMessage;
import com.google.api.services.pubsub.model.PullRequest;
import com.google.api.services.pubsub.model.PullResponse;
import com.google.api.services.pubsub.model.ReceivedMessage;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.Retryable;
import com.google.auth.oauth2.GoogleCredentials;
import dev.gmailserverauth.domain.error.ProviderConfigurationException;
import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.MailboxNotification;
import dev.gmailserverauth.domain.model.PulledNotification;
import dev.gmailserverauth.domain.port.NotificationSubscription;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link NotificationSubscription} on Pub/Sub's REST API ({@code google-api-services-pubsub}): {@code pull} and
 * {@code acknowledge} of one subscription, authenticated as the server's own service account through
 * google-auth-library ({@link GoogleCredentials}, scoped to {@code …/auth/pubsub}; the key file's {@code token_uri} is
 * where it asks for tokens), never with a person's grant. A message whose data is not Gmail's
 * {@code {"emailAddress","historyId"}} comes back without a notification (to be acknowledged and counted).
 */
public final class PubSubNotificationSubscription implements NotificationSubscription {
    private static final Logger LOG = LoggerFactory.getLogger(PubSubNotificationSubscription.class);

    private final Pubsub pubsub;
    private final JsonFactory json;
    private final String subscription;

    private PubSubNotificationSubscription(Pubsub pubsub, JsonFactory json, String subscription) {
        this.pubsub = pubsub;
        this.json = json;
        this.subscription = subscription;
    }

    /**
     * Reads the credentials (the key file, or Application Default Credentials) and builds the client.
     *
     * @param requestSettings time-outs and logging of every request, applied after the credentials' header
     * @throws ProviderConfigurationException when no credentials can be read
     */
    public static PubSubNotificationSubscription create(PubSubPullConfig config, HttpTransport transport, JsonFactory json,
                                                        HttpRequestInitializer requestSettings, String applicationName) {
        GoogleCredentials credentials = credentials(config, transport).createScoped(List.of(PubsubScopes.PUBSUB));
        HttpCredentialsAdapter authorization = new HttpCredentialsAdapter(credentials);
        Pubsub pubsub = new Pubsub.Builder(transport, json, request -> {
            authorization.initialize(request);
            requestSettings.initialize(request);
        }).setRootUrl(config.rootUrl().toString()).setServicePath("").setApplicationName(applicationName).build();
        return new PubSubNotificationSubscription(pubsub, json, config.subscription());
    }

    private static GoogleCredentials credentials(PubSubPullConfig config, HttpTransport transport) {
        try {
            if (config.keyFile().isEmpty()) return GoogleCredentials.getApplicationDefault(() -> transport);
            try (InputStream in = Files.newInputStream(config.keyFile().get())) {
                return GoogleCredentials.fromStream(in, () -> transport);
            }
        } catch (IOException e) {
            throw new ProviderConfigurationException("no Google service account credentials for Pub/Sub: " + e.getMessage());
        }
    }

    @Override
    public List<PulledNotification> pull(int max) {
        if (max < 1) throw new IllegalArgumentException("max must be >= 1");
        PullResponse response = call("pull", () -> pubsub.projects().subscriptions().pull(subscription, new PullRequest().setMaxMessages(max))
                .execute());
        List<ReceivedMessage> received = response.getReceivedMessages() == null ? List.of() : response.getReceivedMessages();
        return received.stream().map(r -> new PulledNotification(r.getAckId(), notification(r.getMessage(), json))).toList();
    }

    @Override
    public void acknowledge(List<String> ackIds) {
        if (ackIds.isEmpty()) return;
        call("acknowledge", () -> pubsub.projects().subscriptions().acknowledge(subscription, new AcknowledgeRequest().setAckIds(ackIds))
                .execute());
    }

    /** Gmail's {@code {"emailAddress","historyId"}}; the history id arrives as a string or, observed, as a number. */
    static Optional<MailboxNotification> notification(PubsubMessage message, JsonFactory json) {
        try {
            byte[] data = message == null ? null : message.decodeData();
            if (data == null) return Optional.empty();
            GenericJson parsed = json.fromString(new String(data, StandardCharsets.UTF_8), GenericJson.class);
            Object email = parsed.get("emailAddress");
            Object historyId = parsed.get("historyId");
            String id = historyId instanceof BigDecimal number ? number.toBigIntegerExact().toString() : String.valueOf(historyId);
            if (!(email instanceof String address)) return Optional.empty();
            return Optional.of(new MailboxNotification(new EmailAddress(address), HistoryId.parse(id)));
        } catch (IOException | IllegalArgumentException | ArithmeticException e) {
            LOG.debug("a Pub/Sub message that is not a Gmail notification: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T execute() throws IOException;
    }

    /**
     * 401, 403 and 404 need an operator (credentials, role, subscription name), and so does a refused token request;
     * anything else may pass.
     */
    private <T> T call(String operation, Call<T> call) {
        try {
            return call.execute();
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() == 401 || e.getStatusCode() == 403 || e.getStatusCode() == 404) {
                throw new ProviderConfigurationException("Pub/Sub refused " + operation + " on " + subscription + ": HTTP " + e.getStatusCode()
                        + (e.getDetails() == null ? "" : " " + e.getDetails().getMessage()));
            }
            throw new ProviderUnavailableException("Pub/Sub " + operation + " failed: HTTP " + e.getStatusCode(), e);
        } catch (IOException e) {
            // google-auth-library's token failures are Retryable; one that is not (invalid_grant, a key Google does not know) needs an operator
            if (e instanceof Retryable token && !token.isRetryable()) {
                throw new ProviderConfigurationException("Google refused the service account's token request for Pub/Sub: " + e.getMessage());
            }
            throw new ProviderUnavailableException("Pub/Sub " + operation + " failed: " + e.getMessage(), e);
        }
    }

}
