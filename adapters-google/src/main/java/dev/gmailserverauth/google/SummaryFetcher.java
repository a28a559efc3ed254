package dev.gmailserverauth.google;

import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.services.gmail.Gmail;
import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.port.MailboxResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Summaries of many messages in as few round trips as Gmail allows: one {@link BatchRequest} of
 * {@code messages.get?format=metadata} per 50 ids. Parts that fail transiently are retried, alone,
 * in a smaller batch; if the batch endpoint itself fails, the rest is fetched with single gets,
 * a few at a time. Messages Gmail no longer has (404) are left out.
 */
final class SummaryFetcher {
    /** Gmail: batches larger than 50 are likely to be rate limited (batch.md). */
    static final int MAX_BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(SummaryFetcher.class);
    private static final List<String> METADATA_HEADERS = List.of("Subject", "From", "Date");
    private static final String OPERATION = "messages.get (batch)";

    private final Gmail gmail;
    private final HttpRequestInitializer batchInitializer;
    private final GenericUrl batchUrl;
    private final Retrier retrier;
    private final ExecutorService singles;

    SummaryFetcher(Gmail gmail, HttpRequestInitializer batchInitializer, GenericUrl batchUrl, Retrier retrier, ExecutorService singles) {
        this.gmail = gmail;
        this.batchInitializer = batchInitializer;
        this.batchUrl = batchUrl;
        this.retrier = retrier;
        this.singles = singles;
    }

    MailboxResponse<List<MessageSummary>> summarize(AccessToken token, List<MessageId> ids) {
        Map<MessageId, MessageSummary> found = new ConcurrentHashMap<>();
        List<MessageId> distinct = ids.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += MAX_BATCH) {
            List<MessageId> chunk = distinct.subList(from, Math.min(from + MAX_BATCH, distinct.size()));
            Optional<GoogleFailure> failure = fetchBatch(token, chunk, found);
            if (failure.isPresent()) return MailboxOutcomes.of(OPERATION, failure.get(), null);
        }
        return new MailboxResponse.Ok<>(ids.stream().map(found::get).filter(Objects::nonNull).toList());
    }

    private Optional<GoogleFailure> fetchBatch(AccessToken token, List<MessageId> chunk, Map<MessageId, MessageSummary> found) {
        List<MessageId> pending = chunk;
        RetryBudget budget = new RetryBudget(retrier.policy());
        while (true) {
            Round round = new Round();
            try {
                // batch() without an initializer would give the outer POST the library's default time-outs.
                BatchRequest batch = gmail.batch(batchInitializer).setBatchUrl(batchUrl);
                for (MessageId id : pending) metadataGet(token, id).queue(batch, round.callback(id));
                batch.execute();
            } catch (IOException | RuntimeException e) {
                // RuntimeException too: BatchRequest fails with NullPointerException or IllegalArgumentException
                // when the answer is not multipart at all (for example a 200 with a JSON body).
                found.putAll(round.found);
                List<MessageId> rest = pending.stream().filter(id -> !round.settled(id)).toList();
                LOG.warn("Gmail batch failed ({}); fetching {} message(s) one by one", describe(e), rest.size());
                return fetchSingly(token, rest, found);
            }
            found.putAll(round.found);
            Optional<GoogleFailure> fatal = MailboxOutcomes.mostSevere(round.fatal);
            if (fatal.isPresent() || round.retry.isEmpty()) return fatal;
            GoogleFailure first = round.retry.values().iterator().next();
            Optional<Duration> retryAfter = round.retry.values().stream()
                    .map(GoogleFailure::retryAfter).flatMap(Optional::stream).max(Comparator.naturalOrder());
            Optional<Duration> wait = budget.nextWait(retryAfter);
            if (wait.isEmpty()) throw Retrier.unavailable(OPERATION, budget.attempts(), first, null);
            LOG.warn("{}: {} part(s) failed with {}; retrying them in {} ms", OPERATION, round.retry.size(), first.describe(),
                    wait.get().toMillis());
            budget.await(wait.get());
            pending = List.copyOf(round.retry.keySet());
        }
    }

    private Optional<GoogleFailure> fetchSingly(AccessToken token, List<MessageId> ids, Map<MessageId, MessageSummary> found) {
        List<Future<Optional<GoogleFailure>>> futures = ids.stream()
                .map(id -> singles.submit(() -> fetchOne(token, id, found)))
                .toList();
        List<GoogleFailure> failures = new ArrayList<>();
        try {
            for (Future<Optional<GoogleFailure>> future : futures) future.get().ifPresent(failures::add);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw new ProviderUnavailableException("messages.get failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted while fetching messages", e);
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
        return MailboxOutcomes.mostSevere(failures);
    }

    private Optional<GoogleFailure> fetchOne(AccessToken token, MessageId id, Map<MessageId, MessageSummary> found) {
        try {
            found.put(id, GmailModels.summary(retrier.call("messages.get", () -> metadataGet(token, id).execute())));
            return Optional.empty();
        } catch (IOException e) {
            GoogleFailure failure = GoogleFailure.of(e);
            return failure.kind() == GoogleFailure.Kind.NOT_FOUND ? Optional.empty() : Optional.of(failure);
        }
    }

    private Gmail.Users.Messages.Get metadataGet(AccessToken token, MessageId id) throws IOException {
        return BearerToken.on(gmail.users().messages().get("me", id.value())
                .setFormat("metadata")
                .setMetadataHeaders(METADATA_HEADERS), token);
    }

    private static String describe(Exception e) {
        return e instanceof IOException io ? GoogleFailure.of(io).describe() : "unparsable response: " + e.getMessage();
    }

    /** What one batch round brought back, part by part. */
    private static final class Round {
        final Map<MessageId, MessageSummary> found = new LinkedHashMap<>();
        final List<MessageId> gone = new ArrayList<>();
        final Map<MessageId, GoogleFailure> retry = new LinkedHashMap<>();
        final List<GoogleFailure> fatal = new ArrayList<>();

        boolean settled(MessageId id) {
            return found.containsKey(id) || gone.contains(id);
        }

        JsonBatchCallback<com.google.api.services.gmail.model.Message> callback(MessageId id) {
            return new JsonBatchCallback<>() {
                @Override
                public void onSuccess(com.google.api.services.gmail.model.Message message, HttpHeaders headers) {
                    found.put(id, GmailModels.summary(message));
                }

                @Override
                public void onFailure(GoogleJsonError error, HttpHeaders headers) {
                    GoogleFailure failure = GoogleFailure.of(error.getCode(), error, headers);
                    switch (failure.kind()) {
                        case NOT_FOUND -> gone.add(id);
                        case TRANSIENT -> retry.put(id, failure);
                        default -> fatal.add(failure);
                    }
                }
            };
        }
    }
}
