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
import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Summaries;
import dev.gmailserverauth.domain.port.MailboxResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Summaries of many messages in as few round trips as the user's limits allow: {@link BatchRequest}s of
 * {@code messages.get?format=metadata}, as large as the user's {@link UserBudget} admits (at most 50), with
 * only the fields a row shows. {@link Retrier} runs the rounds; this class is one round: a batch, or, once the
 * batch endpoint itself has failed for this call, single gets for the same ids, so never more at once than
 * the budget granted. Messages Gmail no longer has (404) are left out; summaries that arrived are kept when
 * the rest runs out of time.
 */
final class SummaryFetcher {
    /** Partial response: only what a row of the list shows (Google's performance guide, {@code fields=}). */
    static final String SUMMARY_FIELDS = "id,threadId,labelIds,snippet,internalDate,payload/headers";
    private static final Logger LOG = LoggerFactory.getLogger(SummaryFetcher.class);
    private static final List<String> METADATA_HEADERS = List.of("Subject", "From", "Date");
    private static final GmailMethod METHOD = GmailMethod.MESSAGES_GET;
    private static final String OPERATION = "messages.get (summaries)";

    private final Gmail gmail;
    private final HttpRequestInitializer batchInitializer;
    private final GenericUrl batchUrl;
    private final Retrier retrier;
    private final UserBudgets budgets;
    private final ExecutorService singles;
    /** What one metadata get costs under the project's quota table. */
    private final int unitsEach;

    SummaryFetcher(Gmail gmail, HttpRequestInitializer batchInitializer, GenericUrl batchUrl, Retrier retrier, UserBudgets budgets,
            ExecutorService singles, int unitsEach) {
        this.gmail = gmail;
        this.batchInitializer = batchInitializer;
        this.batchUrl = batchUrl;
        this.retrier = retrier;
        this.budgets = budgets;
        this.singles = singles;
        this.unitsEach = unitsEach;
    }

    MailboxResponse<Summaries> summarize(MailboxAccess access, List<MessageId> ids) {
        List<MessageId> distinct = ids.stream().distinct().toList();
        return retrier.settle(METHOD.label(), unitsEach, budgets.of(access.user()), distinct, new Fetch(access.token())).fold(
                complete -> new MailboxResponse.Ok<>(Summaries.complete(inOrder(ids, complete.values()))),
                partial -> {
                    List<MessageSummary> found = inOrder(ids, partial.values());
                    LOG.info("{}: {} of {} summaries arrived before the deadline; answering with the rest missing", OPERATION,
                            found.size(), distinct.size());
                    return new MailboxResponse.Ok<>(new Summaries(found, partial.missing()));
                },
                limited -> new MailboxResponse.RateLimited<>(limited.retryAt()),
                failed -> MailboxOutcomes.failed(OPERATION, failed.refusal(), failed.attempts()));
    }

    private static List<MessageSummary> inOrder(List<MessageId> ids, Map<MessageId, MessageSummary> found) {
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** The rounds of one summarize call. */
    private final class Fetch implements Retrier.Round<MessageId, MessageSummary> {
        private final AccessToken token;
        private boolean batchFailed;

        Fetch(AccessToken token) {
            this.token = token;
        }

        @Override
        public List<Retrier.Part<MessageSummary>> send(List<MessageId> ids) throws IOException {
            if (batchFailed) return singly(ids);
            @SuppressWarnings("unchecked")
            Retrier.Part<MessageSummary>[] parts = new Retrier.Part[ids.size()];
            try {
                // batch() without an initializer would give the outer POST the library's default time-outs.
                BatchRequest batch = gmail.batch(batchInitializer).setBatchUrl(batchUrl);
                for (int i = 0; i < ids.size(); i++) metadataGet(ids.get(i)).queue(batch, callback(parts, i));
                batch.execute();
            } catch (IOException | RuntimeException e) {
                // RuntimeException too: BatchRequest fails with NullPointerException or IllegalArgumentException
                // when the answer is not multipart at all (for example a 200 with a JSON body).
                List<Integer> open = new ArrayList<>();
                for (int i = 0; i < parts.length; i++) if (parts[i] == null) open.add(i);
                if (e instanceof IOException io && CallDeadline.passed()) {
                    // Out of time, not a broken endpoint: the loop reports these as missing.
                    for (int i : open) parts[i] = failure(io);
                    return Arrays.asList(parts);
                }
                batchFailed = true;
                LOG.warn("Gmail batch failed ({}); fetching {} message(s) one by one", describe(e), open.size());
                List<Retrier.Part<MessageSummary>> single = singly(open.stream().map(ids::get).toList());
                for (int i = 0; i < open.size(); i++) parts[open.get(i)] = single.get(i);
            }
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] == null) parts[i] = failure(new IOException("the batch answer had no part for message " + ids.get(i).value()));
            }
            return Arrays.asList(parts);
        }

        /** Single gets, all at once: the round already holds a slot of the user's budget for each. */
        private List<Retrier.Part<MessageSummary>> singly(List<MessageId> ids) {
            List<Future<Retrier.Part<MessageSummary>>> futures = ids.stream()
                    .map(id -> singles.submit(() -> one(CallDeadline.carried(() -> JsonAnswers.read(metadataGet(id)))))).toList();
            List<Retrier.Part<MessageSummary>> parts = new ArrayList<>();
            try {
                for (Future<Retrier.Part<MessageSummary>> future : futures) parts.add(future.get());
                return parts;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) throw runtime;
                throw new ProviderUnavailableException("messages.get failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderUnavailableException("interrupted while fetching messages", e);
            } finally {
                futures.forEach(f -> f.cancel(true));
            }
        }

        private Retrier.Part<MessageSummary> one(Retrier.Attempt<com.google.api.services.gmail.model.Message> get) {
            try {
                return new Retrier.Part.Done<>(GmailModels.summary(get.call()));
            } catch (IOException e) {
                return failure(e);
            }
        }

        private Gmail.Users.Messages.Get metadataGet(MessageId id) throws IOException {
            return BearerToken.on(gmail.users().messages().get("me", id.value())
                    .setFormat(MessageFormat.METADATA.value())
                    .setMetadataHeaders(METADATA_HEADERS)
                    .setFields(SUMMARY_FIELDS), token);
        }
    }

    private static Retrier.Part<MessageSummary> failure(IOException e) {
        GoogleFailure failure = GoogleFailure.of(e);
        return failure.kind() == GoogleFailure.Kind.NOT_FOUND ? new Retrier.Part.Gone<>() : new Retrier.Part.Failed<>(failure, e);
    }

    private static JsonBatchCallback<com.google.api.services.gmail.model.Message> callback(Retrier.Part<MessageSummary>[] parts, int index) {
        return new JsonBatchCallback<>() {
            @Override
            public void onSuccess(com.google.api.services.gmail.model.Message message, HttpHeaders headers) {
                parts[index] = new Retrier.Part.Done<>(GmailModels.summary(message));
            }

            @Override
            public void onFailure(GoogleJsonError error, HttpHeaders headers) {
                GoogleFailure failure = GoogleFailure.of(error.getCode(), error, headers);
                parts[index] = failure.kind() == GoogleFailure.Kind.NOT_FOUND ? new Retrier.Part.Gone<>()
                        : new Retrier.Part.Failed<>(failure, new IOException("batch part failed: " + failure.describe()));
            }
        };
    }

    private static String describe(Exception e) {
        return e instanceof IOException io ? GoogleFailure.of(io).describe() : "unparsable response: " + e.getMessage();
    }
}
