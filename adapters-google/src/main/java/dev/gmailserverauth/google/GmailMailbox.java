package dev.gmailserverauth.google;

import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.ListThreadsResponse;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.AttachmentData;
import dev.gmailserverauth.domain.model.AttachmentId;
import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.MailThread;
import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageRef;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.ThreadSummary;
import dev.gmailserverauth.domain.port.Mailbox;
import dev.gmailserverauth.domain.port.MailboxResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * {@link Mailbox} on the generated Gmail v1 client. Every request carries the caller's token as a plain
 * bearer header and nothing refreshes it here: a 401 goes back to the use case, which refreshes once.
 * Transient failures are retried ({@link RetryPolicy}); the rest map to {@link MailboxResponse}.
 */
public final class GmailMailbox implements Mailbox, AutoCloseable {
    /** How many single gets run at once when the batch endpoint is down. */
    static final int SINGLE_GET_PARALLELISM = 4;
    private static final String ME = "me";

    private final Gmail gmail;
    private final Retrier retrier;
    private final ExecutorService singles;
    private final SummaryFetcher summaries;

    GmailMailbox(GoogleAdapterConfig config, HttpTransport transport, JsonFactory json) {
        HttpRequestInitializer initializer = HttpSetup.initializer(config.connectTimeout(), config.readTimeout());
        this.gmail = new Gmail.Builder(transport, json, initializer)
                .setRootUrl(config.gmailRootUrl().toString())
                .setServicePath("")
                .setApplicationName(config.applicationName())
                .build();
        this.retrier = new Retrier(config.retryPolicy());
        this.singles = Executors.newFixedThreadPool(SINGLE_GET_PARALLELISM, daemonThreads());
        this.summaries = new SummaryFetcher(gmail, initializer, new GenericUrl(config.batchUrl()), retrier, singles);
    }

    @Override
    public MailboxResponse<Page<MessageRef>> listMessages(AccessToken token, MailQuery query) {
        return call("messages.list", () -> {
            Gmail.Users.Messages.List list = gmail.users().messages().list(ME).setMaxResults((long) query.pageSize().value());
            if (!query.query().isEmpty()) list.setQ(query.query().value());
            query.pageToken().ifPresent(t -> list.setPageToken(t.value()));
            return BearerToken.on(list, token).execute();
        }, GmailMailbox::messagePage);
    }

    @Override
    public MailboxResponse<List<MessageSummary>> summarize(AccessToken token, List<MessageId> ids) {
        if (ids.isEmpty()) return new MailboxResponse.Ok<>(List.of());
        return summaries.summarize(token, ids);
    }

    @Override
    public MailboxResponse<Message> getMessage(AccessToken token, MessageId id) {
        return call("messages.get", () -> BearerToken.on(gmail.users().messages().get(ME, id.value()).setFormat("full"), token).execute(),
                GmailModels::message);
    }

    @Override
    public MailboxResponse<AttachmentData> getAttachment(AccessToken token, MessageId message, AttachmentId attachment) {
        return call("messages.attachments.get", () -> BearerToken.on(
                gmail.users().messages().attachments().get(ME, message.value(), attachment.value()), token).execute(),
                GmailModels::attachmentData);
    }

    @Override
    public MailboxResponse<Page<ThreadSummary>> listThreads(AccessToken token, MailQuery query) {
        return call("threads.list", () -> {
            Gmail.Users.Threads.List list = gmail.users().threads().list(ME).setMaxResults((long) query.pageSize().value());
            if (!query.query().isEmpty()) list.setQ(query.query().value());
            query.pageToken().ifPresent(t -> list.setPageToken(t.value()));
            return BearerToken.on(list, token).execute();
        }, GmailMailbox::threadPage);
    }

    @Override
    public MailboxResponse<MailThread> getThread(AccessToken token, ThreadId id) {
        return call("threads.get", () -> BearerToken.on(gmail.users().threads().get(ME, id.value()).setFormat("full"), token).execute(),
                GmailModels::thread);
    }

    @Override
    public MailboxResponse<List<Label>> listLabels(AccessToken token) {
        return call("labels.list", () -> BearerToken.on(gmail.users().labels().list(ME), token).execute(),
                response -> GmailModels.labels(response.getLabels()));
    }

    @Override
    public void close() {
        singles.shutdownNow();
    }

    private <T, R> MailboxResponse<R> call(String operation, Retrier.Attempt<T> attempt, Function<T, R> toDomain) {
        try {
            return new MailboxResponse.Ok<>(toDomain.apply(retrier.call(operation, attempt)));
        } catch (IOException e) {
            return MailboxOutcomes.of(operation, GoogleFailure.of(e), e);
        }
    }

    /** Gmail omits {@code messages} when nothing matches (the seed's {@code KeyError}): an empty page. */
    private static Page<MessageRef> messagePage(ListMessagesResponse response) {
        List<MessageRef> refs = response.getMessages() == null ? List.of() : response.getMessages().stream().map(GmailModels::ref).toList();
        return new Page<>(refs, pageToken(response.getNextPageToken()), estimate(response.getResultSizeEstimate()));
    }

    private static Page<ThreadSummary> threadPage(ListThreadsResponse response) {
        List<ThreadSummary> threads = response.getThreads() == null ? List.of()
                : response.getThreads().stream().map(GmailModels::threadSummary).toList();
        return new Page<>(threads, pageToken(response.getNextPageToken()), estimate(response.getResultSizeEstimate()));
    }

    private static Optional<PageToken> pageToken(String token) {
        return token == null || token.isBlank() ? Optional.empty() : Optional.of(new PageToken(token));
    }

    private static long estimate(Long estimate) {
        return estimate == null || estimate < 0 ? 0 : estimate;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "gmail-single-get-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
