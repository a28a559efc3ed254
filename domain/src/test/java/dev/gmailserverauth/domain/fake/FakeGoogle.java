package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.Attachment;
import dev.gmailserverauth.domain.model.AttachmentData;
import dev.gmailserverauth.domain.model.AttachmentId;
import dev.gmailserverauth.domain.model.AuthorizationCode;
import dev.gmailserverauth.domain.model.AuthorizationRequest;
import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.ExpiringAccessToken;
import dev.gmailserverauth.domain.model.Header;
import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.MailThread;
import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageRef;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.PartId;
import dev.gmailserverauth.domain.model.PkceVerifier;
import dev.gmailserverauth.domain.model.RedirectUri;
import dev.gmailserverauth.domain.model.RefreshToken;
import dev.gmailserverauth.domain.model.Scope;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.Summaries;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.ThreadSummary;
import dev.gmailserverauth.domain.model.TokenGrant;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.model.ChangesPage;
import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.MailboxChange;
import dev.gmailserverauth.domain.model.MailboxWatch;
import dev.gmailserverauth.domain.port.AuthorizationProvider;
import dev.gmailserverauth.domain.port.MailboxChanges;
import dev.gmailserverauth.domain.port.Mailbox;
import dev.gmailserverauth.domain.port.MailboxResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small in-memory Google for use-case tests: an {@link AuthorizationProvider} and a {@link Mailbox}
 * that share accounts, grants and tokens, with knobs for the error cases of Google's original server-side guide. Not a mock: it keeps
 * state and follows Google's rules (single-use codes, PKCE, refresh tokens on first consent only, a new
 * attachment id on every read of a message).
 */
public final class FakeGoogle {
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(3599);

    private final Clock clock;
    private final Map<EmailAddress, UserIdentity> accounts = new ConcurrentHashMap<>();
    private final Map<UserId, List<Message>> mail = new ConcurrentHashMap<>();
    private final Map<PartKey, byte[]> attachmentBytes = new ConcurrentHashMap<>();
    private final Map<UserId, List<Label>> userLabels = new ConcurrentHashMap<>();
    private final Map<String, PartKey> attachmentIds = new ConcurrentHashMap<>();
    private final Map<AuthorizationState, AuthorizationRequest> requests = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Issued> accessTokens = new ConcurrentHashMap<>();
    private final Set<UserId> consented = ConcurrentHashMap.newKeySet();
    private final Set<UserId> reauthenticationRequired = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> refreshTokenEnds = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger exchanges = new AtomicInteger();
    private final AtomicInteger mailboxCalls = new AtomicInteger();
    private volatile Duration refreshDelay = Duration.ZERO;
    private volatile boolean anonymousUserinfo;
    private volatile boolean unavailable;
    private volatile Instant quotaSpentUntil = Instant.EPOCH;
    private final AtomicInteger withheldSummaries = new AtomicInteger();
    /** Summaries answered per minute of the clock, as Gmail's per-user quota allows them; the rest come back missing. */
    private int summariesPerMinute = Integer.MAX_VALUE;
    private long summaryMinute = Long.MIN_VALUE;
    private int summariesThisMinute;
    private final AtomicInteger summariesGiven = new AtomicInteger();
    private final Map<UserId, List<HistoryRecord>> histories = new ConcurrentHashMap<>();
    private final Map<UserId, HistoryId> historyFloors = new ConcurrentHashMap<>();
    private final Map<UserId, String> watches = new ConcurrentHashMap<>();
    private final AtomicLong historyCounter = new AtomicLong(1000);
    private final AtomicInteger historyCalls = new AtomicInteger();
    private final AtomicInteger watchCalls = new AtomicInteger();
    private volatile int historyPageSize = 100;

    /** One record of a mailbox's history, as {@code history.list} gives it. */
    private record HistoryRecord(HistoryId id, MailboxChange change) {
    }

    private record Grant(UserIdentity identity, Scopes scopes, String challenge, RedirectUri redirectUri, boolean offline,
                         Optional<Duration> timeLimit) {
    }

    private record Issued(UserIdentity identity, Scopes scopes, Instant expiresAt, String refreshToken) {
    }

    private record PartKey(UserId user, MessageId message, PartId part) {
    }

    public FakeGoogle(Clock clock) {
        this.clock = clock;
    }

    // ---- set-up and knobs ----

    public UserIdentity addAccount(String email) {
        UserIdentity identity = new UserIdentity(new UserId(String.valueOf(100_000_000_000L + accounts.size())), new EmailAddress(email));
        accounts.put(identity.email(), identity);
        mail.put(identity.userId(), new CopyOnWriteArrayList<>());
        return identity;
    }

    public MessageId addMessage(UserIdentity account, NewMessage message) {
        String id = String.format("%016x", sequence.incrementAndGet());
        MessageId messageId = new MessageId(id);
        List<Message> box = mail.get(account.userId());
        ThreadId thread = message.replyToPrevious() && !box.isEmpty() ? box.get(box.size() - 1).threadId() : new ThreadId(id);
        Set<LabelId> labels = new HashSet<>(Set.of(LabelId.INBOX));
        if (message.unread()) labels.add(LabelId.UNREAD);
        message.labels().forEach(label -> labels.add(new LabelId(label)));
        List<Attachment> attachments = new ArrayList<>();
        for (int i = 0; i < message.attachments().size(); i++) {
            NewAttachment file = message.attachments().get(i);
            PartKey key = new PartKey(account.userId(), messageId, new PartId(String.valueOf(i + 1)));
            attachmentBytes.put(key, file.content());
            attachments.add(new Attachment(key.part(), new AttachmentId("placeholder"), file.filename(), file.mimeType(),
                    file.content().length, file.contentId(), file.contentId().isPresent()));
        }
        record(account.userId(), new MailboxChange.MessageAdded(messageId, thread, labels));
        box.add(new Message(messageId, thread,
                List.of(new Header("From", message.from()), new Header("Subject", message.subject())),
                Optional.of(message.body()), message.html(), labels, snippet(message.body()), message.date(), attachments));
        return messageId;
    }

    /** Puts and takes labels off a message, each recorded in the history. */
    public void relabel(UserIdentity account, MessageId id, Set<LabelId> added, Set<LabelId> removed) {
        List<Message> box = mail.get(account.userId());
        for (int i = 0; i < box.size(); i++) {
            Message m = box.get(i);
            if (!m.id().equals(id)) continue;
            Set<LabelId> labels = new HashSet<>(m.labelIds());
            labels.addAll(added);
            labels.removeAll(removed);
            box.set(i, new Message(m.id(), m.threadId(), m.headers(), m.textBody(), m.htmlBody(), labels, m.snippet(), m.date(), m.attachments()));
            if (!added.isEmpty()) record(account.userId(), new MailboxChange.LabelsAdded(id, added));
            if (!removed.isEmpty()) record(account.userId(), new MailboxChange.LabelsRemoved(id, removed));
        }
    }

    /** Deletes a message for good ({@code messagesDeleted} in the history). */
    public void deleteMessage(UserIdentity account, MessageId id) {
        if (mail.get(account.userId()).removeIf(m -> m.id().equals(id))) record(account.userId(), new MailboxChange.MessageDeleted(id));
    }

    /** Forgets the history so far, as Gmail does after a week or so: a start before now is answered 404. */
    public void forgetHistory(UserIdentity account) {
        historyFloors.put(account.userId(), currentHistoryId(account.userId()));
    }

    /** How many history records one {@code history.list} page holds (Gmail's default is 100). */
    public void pageHistoryBy(int records) {
        historyPageSize = records;
    }

    /** The mailbox's current history id. */
    public HistoryId currentHistoryId(UserId user) {
        List<HistoryRecord> records = histories.getOrDefault(user, List.of());
        return records.isEmpty() ? historyFloors.getOrDefault(user, new HistoryId(java.math.BigInteger.valueOf(999))) : records.get(records.size() - 1).id();
    }

    /** The topic the mailbox is watched on; empty when it is not. */
    public Optional<String> watchTopic(UserIdentity account) {
        return Optional.ofNullable(watches.get(account.userId()));
    }

    public int historyCallCount() {
        return historyCalls.get();
    }

    public int watchCallCount() {
        return watchCalls.get();
    }

    private void record(UserId user, MailboxChange change) {
        // Ids grow with gaps, as Gmail's do.
        HistoryId id = new HistoryId(java.math.BigInteger.valueOf(historyCounter.addAndGet(3)));
        histories.computeIfAbsent(user, key -> new CopyOnWriteArrayList<>()).add(new HistoryRecord(id, change));
    }

    /** A label of the user's own, listed by {@code labels.list}; messages carry it by its id. */
    public void addLabel(UserIdentity account, String id, String name) {
        userLabels.computeIfAbsent(account.userId(), user -> new CopyOnWriteArrayList<>()).add(new Label(new LabelId(id), name, Label.Type.USER));
    }

    /** The next refreshes take this long, so that concurrent callers overlap. */
    public void slowDownRefreshes(Duration delay) {
        this.refreshDelay = delay;
    }

    /** Userinfo answers without an id, as in the NoUserIdException case of Google's original server-side guide. */
    public void answerUserinfoWithoutId(boolean anonymous) {
        this.anonymousUserinfo = anonymous;
    }

    /** Every mailbox call answers "rate limited" until {@code freesAt} (by this fake's clock), as over Gmail's quota. */
    public void spendQuotaUntil(Instant freesAt) {
        this.quotaSpentUntil = freesAt;
    }

    /** The next summarize leaves the last {@code count} ids it is asked for missing, as at Gmail's limits past a deadline. */
    /** From now on at most {@code perMinute} summaries are answered in a minute of the clock (Gmail's per-user quota). */
    public synchronized void limitSummariesPerMinute(int perMinute) {
        summariesPerMinute = perMinute;
    }

    /** How many summaries the mailbox has answered. */
    public int summariesGiven() {
        return summariesGiven.get();
    }

    private synchronized int summaryAllowance(int asked) {
        long minute = clock.instant().getEpochSecond() / 60;
        if (minute != summaryMinute) {
            summaryMinute = minute;
            summariesThisMinute = 0;
        }
        int granted = Math.min(asked, Math.max(0, summariesPerMinute - summariesThisMinute));
        summariesThisMinute += granted;
        return granted;
    }

    public void withholdNextSummaries(int count) {
        withheldSummaries.set(count);
    }

    /** Every call fails as if Google could not be reached. */
    public void goOffline(boolean offline) {
        this.unavailable = offline;
    }

    /** Every access token of the account stops working now (its refresh token still works). */
    public void expireAccessTokens(UserIdentity account) {
        accessTokens.replaceAll((token, issued) -> issued.identity().equals(account)
                ? new Issued(issued.identity(), issued.scopes(), clock.instant().minusSeconds(1), issued.refreshToken()) : issued);
    }

    /** The user revokes the application on their account page. */
    public void revokeGrants(UserIdentity account) {
        refreshTokens.values().removeIf(g -> g.identity().equals(account));
        accessTokens.values().removeIf(i -> i.identity().equals(account));
        consented.remove(account.userId());
    }

    /** A Workspace policy asks the account to sign in again: refreshes answer {@code invalid_rapt} until it does. */
    public void requireReauthentication(UserIdentity account, boolean required) {
        if (required) reauthenticationRequired.add(account.userId());
        else reauthenticationRequired.remove(account.userId());
    }

    public int refreshCount() {
        return refreshes.get();
    }

    public int exchangeCount() {
        return exchanges.get();
    }

    public int mailboxCallCount() {
        return mailboxCalls.get();
    }

    /** Simulates the person on the consent screen: picks the account and the scopes, gets the code. */
    public AuthorizationCode approve(AuthorizationState state, UserIdentity account, Scopes granted) {
        return approve(state, account, granted, Optional.empty());
    }

    private AuthorizationCode approve(AuthorizationState state, UserIdentity account, Scopes granted, Optional<Duration> timeLimit) {
        AuthorizationRequest request = requests.remove(state);
        if (request == null) throw new IllegalStateException("no authorization was started with that state");
        boolean issueRefresh = request.forceConsent() || !consented.contains(account.userId());
        consented.add(account.userId());
        String code = "4/" + sequence.incrementAndGet() + "-" + PkceVerifier.random().value();
        codes.put(code, new Grant(account, granted, request.verifier().s256Challenge(), request.redirectUri(), issueRefresh, timeLimit));
        return new AuthorizationCode(code);
    }

    /** As {@link #approve(AuthorizationState, UserIdentity)}, with time-limited access: the refresh token ends {@code limit} after the exchange. */
    public AuthorizationCode approveTimeLimited(AuthorizationState state, UserIdentity account, Duration limit) {
        return approve(state, account, Scopes.REQUESTED, Optional.of(limit));
    }

    public AuthorizationCode approve(AuthorizationState state, UserIdentity account) {
        return approve(state, account, Scopes.REQUESTED);
    }

    /** A valid access token for the account, as if it had consented just now. */
    public AccessToken issueAccessToken(UserIdentity account, Scopes scopes) {
        return issue(account, scopes, "").accessToken().token();
    }

    // ---- the ports ----

    public AuthorizationProvider authorizationProvider() {
        return new Provider();
    }

    public Mailbox mailbox() {
        return new FakeMailbox();
    }

    /** Gmail's history and watches for the same accounts and tokens as {@link #mailbox()}. */
    public MailboxChanges mailboxChanges() {
        return new FakeChanges();
    }

    private final class FakeChanges implements MailboxChanges {
        private final FakeMailbox gate = new FakeMailbox();

        @Override
        public MailboxResponse<HistoryId> currentHistoryId(MailboxAccess access) {
            return gate.authorized(access, identity -> new MailboxResponse.Ok<>(FakeGoogle.this.currentHistoryId(identity.userId())));
        }

        @Override
        public MailboxResponse<ChangesPage> changesSince(MailboxAccess access, HistoryId start, Optional<PageToken> page) {
            return gate.authorized(access, identity -> {
                historyCalls.incrementAndGet();
                UserId user = identity.userId();
                if (historyFloors.containsKey(user) && start.compareTo(historyFloors.get(user)) < 0) return new MailboxResponse.NotFound<>();
                List<MailboxChange> after = histories.getOrDefault(user, List.of()).stream().filter(r -> r.id().isAfter(start))
                        .map(HistoryRecord::change).toList();
                int offset = page.map(p -> Integer.parseInt(p.value())).orElse(0);
                int end = Math.min(after.size(), offset + historyPageSize);
                Optional<PageToken> next = end < after.size() ? Optional.of(new PageToken(String.valueOf(end))) : Optional.empty();
                return new MailboxResponse.Ok<>(new ChangesPage(after.subList(offset, end), FakeGoogle.this.currentHistoryId(user), next));
            });
        }

        @Override
        public MailboxResponse<MailboxWatch> watch(MailboxAccess access, String topicName) {
            return gate.authorized(access, identity -> {
                watchCalls.incrementAndGet();
                watches.put(identity.userId(), topicName);
                return new MailboxResponse.Ok<>(new MailboxWatch(FakeGoogle.this.currentHistoryId(identity.userId()),
                        clock.instant().plus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
            });
        }

        @Override
        public MailboxResponse<Boolean> stopWatch(MailboxAccess access) {
            return gate.authorized(access, identity -> {
                watches.remove(identity.userId());
                return new MailboxResponse.Ok<>(true);
            });
        }
    }

    private TokenGrant issue(UserIdentity identity, Scopes scopes, String refreshToken) {
        String token = "ya29." + sequence.incrementAndGet() + "-" + PkceVerifier.random().value();
        Instant expiresAt = clock.instant().plus(ACCESS_TOKEN_LIFETIME);
        accessTokens.put(token, new Issued(identity, scopes, expiresAt, refreshToken));
        return new TokenGrant(new ExpiringAccessToken(new AccessToken(token), expiresAt), Optional.empty(), scopes);
    }

    private void checkReachable() {
        if (unavailable) throw new ProviderUnavailableException("fake Google is offline");
    }

    private Optional<Issued> valid(AccessToken token) {
        Issued issued = accessTokens.get(token.value());
        if (issued == null || !clock.instant().isBefore(issued.expiresAt())) return Optional.empty();
        return Optional.of(issued);
    }

    private static String snippet(String body) {
        return body.length() <= 100 ? body : body.substring(0, 100);
    }

    private final class Provider implements AuthorizationProvider {
        @Override
        public AuthorizationUrl authorizationUrl(AuthorizationRequest request) {
            requests.put(request.state(), request);
            StringBuilder url = new StringBuilder("https://accounts.fake.example/o/oauth2/v2/auth?response_type=code")
                    .append("&access_type=offline&include_granted_scopes=true&code_challenge_method=S256")
                    .append("&state=").append(request.state().value())
                    .append("&code_challenge=").append(request.verifier().s256Challenge())
                    .append("&redirect_uri=").append(encode(request.redirectUri().value().toString()))
                    .append("&scope=").append(encode(request.scopes().toSpaceDelimited()));
            request.loginHint().ifPresent(hint -> url.append("&login_hint=").append(encode(hint.value())));
            if (!request.prompt().isEmpty()) url.append("&prompt=").append(encode(request.prompt()));
            return new AuthorizationUrl(URI.create(url.toString()));
        }

        @Override
        public CodeExchange exchange(AuthorizationCode code, PkceVerifier verifier, RedirectUri redirectUri) {
            checkReachable();
            exchanges.incrementAndGet();
            Grant grant = codes.remove(code.value());
            if (grant == null) return new CodeExchange.Rejected("invalid_grant: code unknown or used");
            if (!grant.challenge().equals(verifier.s256Challenge())) return new CodeExchange.Rejected("invalid_grant: code verifier mismatch");
            if (!grant.redirectUri().equals(redirectUri)) return new CodeExchange.Rejected("redirect_uri_mismatch");
            String refresh = grant.offline() ? "1//" + sequence.incrementAndGet() + "-" + PkceVerifier.random().value() : "";
            if (grant.offline()) refreshTokens.put(refresh, grant);
            Optional<Instant> end = grant.timeLimit().map(clock.instant()::plus);
            if (grant.offline()) end.ifPresent(instant -> refreshTokenEnds.put(refresh, instant));
            // A sign-in counts as the re-authentication a Workspace policy asked for.
            reauthenticationRequired.remove(grant.identity().userId());
            TokenGrant issued = issue(grant.identity(), grant.scopes(), refresh);
            return new CodeExchange.Exchanged(new TokenGrant(issued.accessToken(),
                    grant.offline() ? Optional.of(new RefreshToken(refresh)) : Optional.empty(), grant.scopes(), end));
        }

        @Override
        public Refresh refresh(RefreshToken refreshToken) {
            checkReachable();
            refreshes.incrementAndGet();
            sleep(refreshDelay);
            Grant grant = refreshTokens.get(refreshToken.value());
            Optional<Instant> end = Optional.ofNullable(refreshTokenEnds.get(refreshToken.value()));
            if (grant == null || end.filter(instant -> !clock.instant().isBefore(instant)).isPresent()) {
                return new Refresh.Revoked("invalid_grant (Token has been expired or revoked.)");
            }
            if (reauthenticationRequired.contains(grant.identity().userId())) {
                return new Refresh.ReauthenticationRequired("invalid_grant (reauth related error (invalid_rapt))");
            }
            TokenGrant issued = issue(grant.identity(), grant.scopes(), refreshToken.value());
            return new Refresh.Refreshed(new TokenGrant(issued.accessToken(), Optional.empty(), issued.grantedScopes(), end));
        }

        @Override
        public Identification identify(AccessToken accessToken) {
            checkReachable();
            Optional<Issued> issued = valid(accessToken);
            if (issued.isEmpty()) return new Identification.Unauthorized();
            if (anonymousUserinfo) return new Identification.Anonymous();
            return new Identification.Identified(issued.get().identity());
        }

        @Override
        public Revocation revoke(RefreshToken refreshToken) {
            checkReachable();
            Grant grant = refreshTokens.remove(refreshToken.value());
            if (grant == null) return Revocation.ALREADY_INVALID;
            accessTokens.values().removeIf(i -> i.refreshToken().equals(refreshToken.value()));
            // The grant is gone: the next consent is a first one again, and issues a refresh token.
            consented.remove(grant.identity().userId());
            return Revocation.REVOKED;
        }

        private String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    private final class FakeMailbox implements Mailbox {
        @Override
        public MailboxResponse<Page<MessageRef>> listMessages(MailboxAccess access, MailQuery query) {
            return authorized(access, identity -> page(matching(identity, query), query)
                    .map(page -> new Page<>(page.items().stream().map(m -> new MessageRef(m.id(), m.threadId())).toList(),
                            page.nextPageToken(), page.resultSizeEstimate())));
        }

        @Override
        public MailboxResponse<Summaries> summarize(MailboxAccess access, List<MessageId> ids) {
            return authorized(access, identity -> {
                Map<MessageId, Message> byId = new java.util.HashMap<>();
                mail.get(identity.userId()).forEach(m -> byId.put(m.id(), m));
                int withheld = Math.min(ids.size(), withheldSummaries.getAndSet(0));
                withheld = ids.size() - summaryAllowance(ids.size() - withheld);
                List<MessageId> given = ids.subList(0, ids.size() - withheld);
                summariesGiven.addAndGet(given.size());
                return new MailboxResponse.Ok<>(new Summaries(
                        given.stream().filter(byId::containsKey).map(id -> FakeGoogle.summarize(byId.get(id))).toList(),
                        ids.subList(ids.size() - withheld, ids.size())));
            });
        }

        @Override
        public MailboxResponse<Message> getMessage(MailboxAccess access, MessageId id) {
            return authorized(access, identity -> mail.get(identity.userId()).stream().filter(m -> m.id().equals(id)).findFirst()
                    .<MailboxResponse<Message>>map(m -> new MailboxResponse.Ok<>(withFreshAttachmentIds(identity, m)))
                    .orElseGet(MailboxResponse.NotFound::new));
        }

        @Override
        public MailboxResponse<AttachmentData> getAttachment(MailboxAccess access, MessageId message, AttachmentId attachment) {
            return authorized(access, identity -> {
                PartKey key = attachmentIds.get(attachment.value());
                if (key == null || !key.user().equals(identity.userId()) || !key.message().equals(message)) return new MailboxResponse.NotFound<>();
                return new MailboxResponse.Ok<>(new AttachmentData(attachmentBytes.get(key)));
            });
        }

        @Override
        public MailboxResponse<Page<ThreadSummary>> listThreads(MailboxAccess access, MailQuery query) {
            return authorized(access, identity -> page(newestOfEachThread(matching(identity, query)), query)
                    .map(page -> new Page<>(page.items().stream().map(m -> new ThreadSummary(m.threadId(), m.snippet())).toList(),
                            page.nextPageToken(), page.resultSizeEstimate())));
        }

        @Override
        public MailboxResponse<MailThread> getThread(MailboxAccess access, ThreadId id) {
            return authorized(access, identity -> {
                List<Message> messages = mail.get(identity.userId()).stream().filter(m -> m.threadId().equals(id))
                        .sorted(Comparator.comparing(Message::date)).map(m -> withFreshAttachmentIds(identity, m)).toList();
                return messages.isEmpty() ? new MailboxResponse.NotFound<>() : new MailboxResponse.Ok<>(new MailThread(id, messages));
            });
        }

        @Override
        public MailboxResponse<List<Label>> listLabels(MailboxAccess access) {
            return authorized(access, identity -> {
                List<Label> labels = new ArrayList<>(List.of(
                        new Label(LabelId.INBOX, "INBOX", Label.Type.SYSTEM),
                        new Label(LabelId.UNREAD, "UNREAD", Label.Type.SYSTEM),
                        new Label(LabelId.STARRED, "STARRED", Label.Type.SYSTEM)));
                labels.addAll(userLabels.getOrDefault(identity.userId(), List.of()));
                return new MailboxResponse.Ok<>(labels);
            });
        }

        private <T> MailboxResponse<T> authorized(MailboxAccess access, java.util.function.Function<UserIdentity, MailboxResponse<T>> call) {
            checkReachable();
            mailboxCalls.incrementAndGet();
            Optional<Issued> issued = valid(access.token());
            if (issued.isEmpty()) return new MailboxResponse.Unauthorized<>();
            if (!issued.get().scopes().grantsGmailRead()) return new MailboxResponse.InsufficientScope<>();
            if (clock.instant().isBefore(quotaSpentUntil)) return new MailboxResponse.RateLimited<>(quotaSpentUntil);
            return call.apply(issued.get().identity());
        }

        private List<Message> matching(UserIdentity identity, MailQuery query) {
            String word = query.query().value().toLowerCase(Locale.ROOT);
            int before = word.lastIndexOf("before:");
            if (before >= 0) {
                // Gmail's "older than", in epoch seconds, after an optional search in parentheses: how a list goes on past the index.
                Instant until = Instant.ofEpochSecond(Long.parseLong(word.substring(before + "before:".length())));
                String rest = word.substring(0, before).strip();
                String inner = rest.startsWith("(") && rest.endsWith(")") ? rest.substring(1, rest.length() - 1) : rest;
                return matching(identity, new MailQuery(new SearchQuery(inner), Optional.empty(), query.pageSize())).stream()
                        .filter(m -> m.date().isBefore(until)).toList();
            }
            if (word.startsWith("after:")) {
                // Gmail's search by date, in epoch seconds: what the sync's gap fill and completeness check ask.
                Instant after = Instant.ofEpochSecond(Long.parseLong(word.substring("after:".length())));
                return mail.get(identity.userId()).stream().filter(m -> m.date().isAfter(after))
                        .sorted(Comparator.comparing(Message::date).reversed()).toList();
            }
            return mail.get(identity.userId()).stream()
                    .filter(m -> word.isEmpty() || (m.subject() + " " + m.from() + " " + m.textBody().orElse("")).toLowerCase(Locale.ROOT).contains(word))
                    .sorted(Comparator.comparing(Message::date).reversed())
                    .toList();
        }

        private List<Message> newestOfEachThread(List<Message> newestFirst) {
            Set<ThreadId> seen = new HashSet<>();
            return newestFirst.stream().filter(m -> seen.add(m.threadId())).toList();
        }

        private MailboxResponse<Page<Message>> page(List<Message> all, MailQuery query) {
            int offset = 0;
            if (query.pageToken().isPresent()) {
                try {
                    offset = Integer.parseInt(query.pageToken().get().value());
                } catch (NumberFormatException e) {
                    return new MailboxResponse.BadRequest<>("Invalid pageToken");
                }
                if (offset < 0 || offset > all.size()) return new MailboxResponse.BadRequest<>("Invalid pageToken");
            }
            int end = Math.min(all.size(), offset + query.pageSize().value());
            Optional<PageToken> next = end < all.size() ? Optional.of(new PageToken(String.valueOf(end))) : Optional.empty();
            return new MailboxResponse.Ok<>(new Page<>(new ArrayList<>(all.subList(offset, end)), next, all.size()));
        }
    }

    /** As Gmail does: every read of a message hands out new attachment ids; every id handed out keeps working. */
    private Message withFreshAttachmentIds(UserIdentity identity, Message m) {
        List<Attachment> fresh = m.attachments().stream().map(a -> {
            String attachmentId = "ANGjdJ" + sequence.incrementAndGet() + "_" + PkceVerifier.random().value();
            attachmentIds.put(attachmentId, new PartKey(identity.userId(), m.id(), a.part()));
            return new Attachment(a.part(), new AttachmentId(attachmentId), a.filename(), a.mimeType(), a.size(), a.contentId(), a.inline());
        }).toList();
        return new Message(m.id(), m.threadId(), m.headers(), m.textBody(), m.htmlBody(), m.labelIds(), m.snippet(), m.date(), fresh);
    }

    private static MessageSummary summarize(Message m) {
        return new MessageSummary(m.id(), m.threadId(), m.subject(), m.from(), m.date(), m.snippet(), m.labelIds());
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) return;
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The scopes a user grants when they untick Gmail on the consent screen. */
    public static Scopes withoutGmail() {
        return Scopes.of(Scope.USERINFO_EMAIL);
    }
}
