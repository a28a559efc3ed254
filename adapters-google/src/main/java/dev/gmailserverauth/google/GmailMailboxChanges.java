package dev.gmailserverauth.google;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.History;
import com.google.api.services.gmail.model.HistoryLabelAdded;
import com.google.api.services.gmail.model.HistoryLabelRemoved;
import com.google.api.services.gmail.model.HistoryMessageAdded;
import com.google.api.services.gmail.model.HistoryMessageDeleted;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.WatchRequest;
import com.google.api.services.gmail.model.WatchResponse;
import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.model.ChangesPage;
import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MailboxChange;
import dev.gmailserverauth.domain.model.MailboxWatch;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.port.MailboxChanges;
import dev.gmailserverauth.domain.port.MailboxResponse;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link MailboxChanges} on the generated Gmail v1 client: {@code users.getProfile}, {@code users.history.list},
 * {@code users.watch} and {@code users.stop}, each asking only for the fields read here. Every call goes through
 * {@link GmailMailbox#call}, so it spends the same per-user budget (calls in flight, quota units) and retry loop as
 * the mailbox's reads, within one deadline.
 */
public final class GmailMailboxChanges implements MailboxChanges {
    static final String PROFILE_FIELDS = "historyId";
    static final String HISTORY_FIELDS = "history(id,messagesAdded(message(id,threadId,labelIds)),messagesDeleted(message(id)),"
            + "labelsAdded(message(id),labelIds),labelsRemoved(message(id),labelIds)),historyId,nextPageToken";
    static final String WATCH_FIELDS = "historyId,expiration";
    /** The largest page Gmail gives: fewer round trips and units for a long gap. */
    static final long HISTORY_PAGE = 500;
    static final List<String> ALL_TYPES = List.of("messageAdded", "messageDeleted", "labelAdded", "labelRemoved");
    private static final String ME = "me";

    private final Gmail gmail;
    private final GmailMailbox calls;

    GmailMailboxChanges(GoogleAdapterConfig config, HttpTransport transport, JsonFactory json, GmailMailbox calls) {
        this.gmail = new Gmail.Builder(transport, json, HttpSetup.initializer(config.connectTimeout(), config.readTimeout()))
                .setRootUrl(config.gmailRootUrl().toString())
                .setServicePath("")
                .setApplicationName(config.applicationName())
                .build();
        this.calls = calls;
    }

    @Override
    public MailboxResponse<HistoryId> currentHistoryId(MailboxAccess access) {
        return calls.call(access, GmailMethod.GET_PROFILE, MessageFormat.NONE,
                () -> BearerToken.on(gmail.users().getProfile(ME).setFields(PROFILE_FIELDS), access.token()).execute(),
                profile -> historyId(profile.getHistoryId(), "getProfile"));
    }

    @Override
    public MailboxResponse<ChangesPage> changesSince(MailboxAccess access, HistoryId start, Optional<PageToken> page) {
        return calls.call(access, GmailMethod.HISTORY_LIST, MessageFormat.NONE, () -> {
            Gmail.Users.History.List list = gmail.users().history().list(ME).setStartHistoryId(start.value())
                    .setHistoryTypes(ALL_TYPES).setMaxResults(HISTORY_PAGE).setFields(HISTORY_FIELDS);
            page.ifPresent(p -> list.setPageToken(p.value()));
            return BearerToken.on(list, access.token()).execute();
        }, GmailMailboxChanges::changesPage);
    }

    @Override
    public MailboxResponse<MailboxWatch> watch(MailboxAccess access, String topicName) {
        return calls.call(access, GmailMethod.WATCH, MessageFormat.NONE, () -> BearerToken.on(gmail.users()
                .watch(ME, new WatchRequest().setTopicName(topicName)).setFields(WATCH_FIELDS), access.token()).execute(),
                GmailMailboxChanges::mailboxWatch);
    }

    @Override
    public MailboxResponse<Boolean> stopWatch(MailboxAccess access) {
        return calls.call(access, GmailMethod.STOP, MessageFormat.NONE, () -> {
            BearerToken.on(gmail.users().stop(ME), access.token()).execute();
            return Boolean.TRUE;  // stop answers no body; the retry loop needs a value
        }, stopped -> stopped);
    }

    /** Gmail omits {@code history} when nothing changed; records come oldest first and are kept in that order. */
    static ChangesPage changesPage(ListHistoryResponse response) {
        List<MailboxChange> changes = new ArrayList<>();
        if (response.getHistory() != null) response.getHistory().forEach(record -> addChanges(record, changes));
        String next = response.getNextPageToken();
        return new ChangesPage(changes, historyId(response.getHistoryId(), "history.list"),
                next == null || next.isBlank() ? Optional.empty() : Optional.of(new PageToken(next)));
    }

    /** A record's changes: arrivals first, then label changes, then deletions (a message added and deleted in one record ends deleted). */
    private static void addChanges(History record, List<MailboxChange> changes) {
        for (HistoryMessageAdded added : orEmpty(record.getMessagesAdded())) {
            var m = added.getMessage();
            changes.add(new MailboxChange.MessageAdded(new MessageId(m.getId()), new ThreadId(m.getThreadId()), labels(m.getLabelIds())));
        }
        for (HistoryLabelAdded added : orEmpty(record.getLabelsAdded())) {
            changes.add(new MailboxChange.LabelsAdded(new MessageId(added.getMessage().getId()), labels(added.getLabelIds())));
        }
        for (HistoryLabelRemoved removed : orEmpty(record.getLabelsRemoved())) {
            changes.add(new MailboxChange.LabelsRemoved(new MessageId(removed.getMessage().getId()), labels(removed.getLabelIds())));
        }
        for (HistoryMessageDeleted deleted : orEmpty(record.getMessagesDeleted())) {
            changes.add(new MailboxChange.MessageDeleted(new MessageId(deleted.getMessage().getId())));
        }
    }

    /** Google's expiration as it sent it; a watch answer without one is an error, never replaced by a guess. */
    static MailboxWatch mailboxWatch(WatchResponse response) {
        if (response.getExpiration() == null) throw new ProviderUnavailableException("users.watch answered no expiration");
        return new MailboxWatch(historyId(response.getHistoryId(), "watch"), Instant.ofEpochMilli(response.getExpiration()));
    }

    private static HistoryId historyId(BigInteger value, String method) {
        if (value == null) throw new ProviderUnavailableException(method + " answered no historyId");
        return new HistoryId(value);
    }

    private static Set<LabelId> labels(List<String> ids) {
        return orEmpty(ids).stream().map(LabelId::new).collect(Collectors.toSet());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
