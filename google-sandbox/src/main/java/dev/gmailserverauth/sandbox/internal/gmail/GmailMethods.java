package dev.gmailserverauth.sandbox.internal.gmail;

import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import dev.gmailserverauth.sandbox.internal.history.GmailHistoryMethods;
import dev.gmailserverauth.sandbox.internal.history.GmailWatches;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Gmail v1 read methods on one account's mailbox: list/get messages and threads, attachments, labels, profile. */
final class GmailMethods {
    private static final Logger LOG = LoggerFactory.getLogger(GmailMethods.class);
    private final SandboxState state;
    private final AttachmentIds attachmentIds = new AttachmentIds();

    GmailMethods(SandboxState state) {
        this.state = state;
    }

    GmailAnswer answer(GmailCall call) {
        GmailAccountMailbox mailbox = state.mailbox(call.owner());
        try {
            return switch (call.endpoint()) {
                case MESSAGES_LIST -> listMessages(call, mailbox);
                case MESSAGES_GET -> getMessage(call, mailbox);
                case ATTACHMENTS_GET -> getAttachment(call, mailbox);
                case THREADS_LIST -> listThreads(call, mailbox);
                case THREADS_GET -> getThread(call, mailbox);
                case LABELS_LIST -> found(GmailJson.labelList(mailbox.labels()));
                case LABELS_GET -> mailbox.label(call.route().requireId())
                        .map(l -> found(GmailJson.label(l, true, mailbox.messages())))
                        .orElseGet(GmailMethods::notFound);
                case PROFILE -> found(GmailJson.profile(mailbox));
                case HISTORY_LIST -> GmailHistoryMethods.list(call.request(), mailbox.history(), id -> mailbox.label(id).isPresent())
                        .fold(GmailMethods::found, GmailMethods::refused);
                case WATCH -> GmailWatches.watch(call.request(), mailbox.history(), state.histories()).fold(GmailMethods::found, GmailMethods::refused);
                case STOP -> GmailWatches.stop(mailbox.history()).fold(GmailMethods::found, GmailMethods::refused);
                default -> notFound();
            };
        } catch (RejectedRequest e) {
            return new GmailAnswer.Refused(e.response());
        }
    }

    private GmailAnswer listMessages(GmailCall call, GmailAccountMailbox mailbox) {
        List<StoredMessage> matching = matching(call, mailbox);
        PageTokens.Page<StoredMessage> page = PageTokens.page(call.request(), matching,
                m -> new PageTokens.PageKey(m.internalDate().toEpochMilli(), m.id()));
        return found(GmailJson.messageList(page, matching.size()));
    }

    private GmailAnswer listThreads(GmailCall call, GmailAccountMailbox mailbox) {
        Map<String, StoredMessage> latestByThread = new LinkedHashMap<>();
        for (StoredMessage msg : matching(call, mailbox)) latestByThread.putIfAbsent(msg.threadId(), msg);  // newest first
        List<StoredMessage> latest = new ArrayList<>(latestByThread.values());
        PageTokens.Page<StoredMessage> page = PageTokens.page(call.request(), latest,
                msg -> new PageTokens.PageKey(msg.internalDate().toEpochMilli(), msg.threadId()));
        return found(GmailJson.threadList(page, latest.size(), mailbox::thread));
    }

    /** The messages a list call selects: its {@code q}, its {@code labelIds} (all of them), SPAM/TRASH rules. */
    private List<StoredMessage> matching(GmailCall call, GmailAccountMailbox mailbox) {
        ApiRequest request = call.request();
        Optional<String> q = request.queryParam("q").filter(s -> !s.isBlank());
        if (q.isPresent()) GmailAuthorization.checkQueryAllowed(call);
        List<String> labelIds = request.queryParams("labelIds");
        for (String id : labelIds) {
            if (mailbox.label(id).isEmpty()) throw new RejectedRequest(GoogleErrors.invalidArgument("Invalid label: " + id));
        }
        GmailSearchExpression search;
        try {
            search = GmailSearchExpression.parse(q.orElse(""), searchContext(mailbox, call.owner()));
        } catch (GmailSearchExpression.InvalidQueryException e) {
            LOG.debug("q refused: {}", e.getMessage());
            throw new RejectedRequest(GoogleErrors.invalidArgument("Invalid query"));
        }
        boolean includeSpamTrash = request.queryParam("includeSpamTrash").map(Boolean::parseBoolean).orElse(false)
                || search.reachesSpamOrTrash() || labelIds.contains("SPAM") || labelIds.contains("TRASH");
        return mailbox.messages().stream()
                .filter(msg -> includeSpamTrash || !(msg.hasLabel("SPAM") || msg.hasLabel("TRASH")))
                .filter(msg -> labelIds.stream().allMatch(msg::hasLabel))
                .filter(search::matches)
                .toList();
    }

    private GmailSearchExpression.Context searchContext(GmailAccountMailbox mailbox, Account owner) {
        return new GmailSearchExpression.Context() {
            @Override public Instant now() {
                return state.clock().now();
            }

            @Override public String ownerEmail() {
                return owner.email();
            }

            @Override public List<String> labelIdsNamed(String name) {
                return mailbox.labels().stream()
                        .filter(l -> l.searchName().equals(name) || l.id().equalsIgnoreCase(name))
                        .map(GmailLabelRecord::id).toList();
            }
        };
    }

    private GmailAnswer getMessage(GmailCall call, GmailAccountMailbox mailbox) {
        GmailJson.Format format = format(call, true);
        List<String> headers = call.request().queryParams("metadataHeaders");
        return findMessage(mailbox, call.route().requireId())
                .map(msg -> found(GmailJson.message(msg, format, headers, attachmentIds)))
                .orElseGet(GmailMethods::notFound);
    }

    private GmailAnswer getAttachment(GmailCall call, GmailAccountMailbox mailbox) {
        String attachmentId = call.route().attachmentId().orElseThrow();
        return findMessage(mailbox, call.route().requireId()).flatMap(msg -> attachmentIds.find(msg, attachmentId))
                .map(part -> found(GmailJson.attachmentBody(part)))
                .orElseGet(GmailMethods::notFound);
    }

    private GmailAnswer getThread(GmailCall call, GmailAccountMailbox mailbox) {
        GmailJson.Format format = format(call, false);
        String rawId = call.route().requireId();
        if (!GmailIds.isWellFormed(rawId)) return refused(GoogleErrors.invalidArgument("Invalid id value"));
        String id = GmailIds.canonical(rawId);
        List<StoredMessage> thread = mailbox.thread(id);
        if (thread.isEmpty()) return notFound();
        return found(GmailJson.thread(id, thread, format, call.request().queryParams("metadataHeaders"), attachmentIds));
    }

    private static Optional<StoredMessage> findMessage(GmailAccountMailbox mailbox, String rawId) {
        if (!GmailIds.isWellFormed(rawId)) throw new RejectedRequest(GoogleErrors.invalidArgument("Invalid id value"));
        return mailbox.message(GmailIds.canonical(rawId));
    }

    /** The {@code format} parameter (default full); threads have no raw format. */
    private static GmailJson.Format format(GmailCall call, boolean rawAllowed) {
        String value = call.request().queryParam("format").orElse("full").toLowerCase(Locale.ROOT);
        Optional<GmailJson.Format> format = GmailJson.format(value).filter(f -> rawAllowed || f != GmailJson.Format.RAW);
        if (format.isEmpty()) throw new RejectedRequest(GoogleErrors.badRequest("Invalid value at 'format' (" + value + ")", "format"));
        GmailAuthorization.checkFormatAllowed(call, format.get());
        return format.get();
    }

    private static GmailAnswer found(com.google.gson.JsonObject json) {
        return new GmailAnswer.Resource(json);
    }

    private static GmailAnswer refused(ApiResponse response) {
        return new GmailAnswer.Refused(response);
    }

    private static GmailAnswer notFound() {
        return refused(GoogleErrors.notFound());
    }
}
