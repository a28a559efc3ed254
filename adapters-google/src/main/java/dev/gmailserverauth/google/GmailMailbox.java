package dev.gmailserverauth.google;

import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.ListThreadsResponse;
import dev.gmailserverauth.domain.model.AttachmentData;
import dev.gmailserverauth.domain.model.AttachmentId;
import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.MailThread;
import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageRef;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.Summaries;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.ThreadSummary;
import dev.gmailserverauth.domain.port.Mailbox;
import dev.gmailserverauth.domain.port.MailboxResponse;
import java.time.Clock;
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
 * Every call goes through the user's {@link UserBudget} (calls in flight, quota units) and the one retry
 * loop ({@link Retrier}) within one deadline, and asks Gmail only for the fields the app reads.
 */
public final class GmailMailbox implements Mailbox, AutoCloseable {
    /** Threads for single gets when the batch endpoint is down (each still holds a slot of its user's budget). */
    static final int SINGLE_GET_THREADS = 8;
    static final String LIST_FIELDS = "messages(id,threadId),nextPageToken,resultSizeEstimate";
    static final String THREAD_LIST_FIELDS = "threads(id,snippet),nextPageToken,resultSizeEstimate";
    static final String MESSAGE_FIELDS = "id,threadId,labelIds,snippet,internalDate,payload";
    static final String THREAD_FIELDS = "id,messages(" + MESSAGE_FIELDS + ")";
    static final String LABEL_FIELDS = "labels(id,name,type)";
    static final String ATTACHMENT_FIELDS = "data";
    private static final String ME = "me";

    private final Gmail gmail;
    private final GmailLimits limits;
    private final Retrier retrier;
    private final UserBudgets budgets;
    private final ExecutorService singles;
    private final SummaryFetcher summaries;

    GmailMailbox(GoogleAdapterConfig config, HttpTransport transport, JsonFactory json, Clock clock) {
        HttpRequestInitializer initializer = HttpSetup.initializer(config.connectTimeout(), config.readTimeout());
        this.gmail = new Gmail.Builder(transport, json, initializer)
                .setRootUrl(config.gmailRootUrl().toString())
                .setServicePath("")
                .setApplicationName(config.applicationName())
                .build();
        this.limits = config.limits();
        this.retrier = new Retrier(config.retryPolicy(), config.limits(), clock, config.callListener());
        this.budgets = new UserBudgets(config.limits(), config.retryPolicy(), clock, config.callListener());
        this.singles = Executors.newFixedThreadPool(SINGLE_GET_THREADS, daemonThreads());
        this.summaries = new SummaryFetcher(gmail, initializer, new GenericUrl(config.batchUrl()), retrier, budgets, singles,
                limits.units(GmailMethod.MESSAGES_GET, MessageFormat.METADATA));
    }

    @Override
    public MailboxResponse<Page<MessageRef>> listMessages(MailboxAccess access, MailQuery query) {
        return call(access, GmailMethod.MESSAGES_LIST, MessageFormat.NONE, () -> {
            Gmail.Users.Messages.List list = gmail.users().messages().list(ME).setMaxResults((long) query.pageSize().value())
                    .setFields(LIST_FIELDS);
            if (!query.query().isEmpty()) list.setQ(query.query().value());
            query.pageToken().ifPresent(t -> list.setPageToken(t.value()));
            return JsonAnswers.read(BearerToken.on(list, access.token()));
        }, GmailMailbox::messagePage);
    }

    @Override
    public MailboxResponse<Summaries> summarize(MailboxAccess access, List<MessageId> ids) {
        if (ids.isEmpty()) return new MailboxResponse.Ok<>(Summaries.complete(List.of()));
        return summaries.summarize(access, ids);
    }

    @Override
    public MailboxResponse<Message> getMessage(MailboxAccess access, MessageId id) {
        return call(access, GmailMethod.MESSAGES_GET, MessageFormat.FULL, () -> JsonAnswers.read(BearerToken.on(gmail.users().messages()
                .get(ME, id.value()).setFormat(MessageFormat.FULL.value()).setFields(MESSAGE_FIELDS), access.token())), GmailModels::message);
    }

    @Override
    public MailboxResponse<AttachmentData> getAttachment(MailboxAccess access, MessageId message, AttachmentId attachment) {
        return call(access, GmailMethod.MESSAGES_ATTACHMENTS_GET, MessageFormat.NONE, () -> JsonAnswers.read(BearerToken.on(gmail.users().messages().attachments()
                .get(ME, message.value(), attachment.value()).setFields(ATTACHMENT_FIELDS), access.token())), GmailModels::attachmentData);
    }

    @Override
    public MailboxResponse<Page<ThreadSummary>> listThreads(MailboxAccess access, MailQuery query) {
        return call(access, GmailMethod.THREADS_LIST, MessageFormat.NONE, () -> {
            Gmail.Users.Threads.List list = gmail.users().threads().list(ME).setMaxResults((long) query.pageSize().value())
                    .setFields(THREAD_LIST_FIELDS);
            if (!query.query().isEmpty()) list.setQ(query.query().value());
            query.pageToken().ifPresent(t -> list.setPageToken(t.value()));
            return JsonAnswers.read(BearerToken.on(list, access.token()));
        }, GmailMailbox::threadPage);
    }

    @Override
    public MailboxResponse<MailThread> getThread(MailboxAccess access, ThreadId id) {
        return call(access, GmailMethod.THREADS_GET, MessageFormat.FULL, () -> JsonAnswers.read(BearerToken.on(gmail.users().threads()
                .get(ME, id.value()).setFormat(MessageFormat.FULL.value()).setFields(THREAD_FIELDS), access.token())), GmailModels::thread);
    }

    @Override
    public MailboxResponse<List<Label>> listLabels(MailboxAccess access) {
        return call(access, GmailMethod.LABELS_LIST, MessageFormat.NONE, () -> JsonAnswers.read(BearerToken.on(gmail.users().labels().list(ME).setFields(LABEL_FIELDS),
                access.token())), response -> GmailModels.labels(response.getLabels()));
    }

    @Override
    public void close() {
        singles.shutdownNow();
    }

    /**
     * One Gmail call within the user's budget and the retry loop. Package-private so that {@link GmailMailboxChanges}
     * spends the same per-user budget.
     */
    <T, R> MailboxResponse<R> call(MailboxAccess access, GmailMethod method, MessageFormat format, Retrier.Attempt<T> attempt,
            Function<T, R> toDomain) {
        return retrier.once(method.label(), limits.units(method, format), budgets.of(access.user()), attempt).fold(
                done -> new MailboxResponse.Ok<>(toDomain.apply(done.value())),
                limited -> new MailboxResponse.RateLimited<>(limited.retryAt()),
                failed -> MailboxOutcomes.failed(method.label(), failed.refusal(), failed.attempts()));
    }

    /** Gmail omits {@code messages} when nothing matches (the {@code KeyError} of Google's "Implementing server-side authorization" Python sample): an empty page. */
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
