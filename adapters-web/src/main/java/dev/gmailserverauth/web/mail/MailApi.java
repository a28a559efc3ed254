package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.application.GetMessage;
import dev.gmailserverauth.application.GetThread;
import dev.gmailserverauth.application.ListLabels;
import dev.gmailserverauth.application.ListMessages;
import dev.gmailserverauth.application.ListThreads;
import dev.gmailserverauth.application.MailboxGrant;
import dev.gmailserverauth.domain.model.Attachment;
import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MailThread;
import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.ThreadSummary;
import dev.gmailserverauth.web.sanitizer.MailHtmlSanitizer;
import dev.gmailserverauth.web.sanitizer.MailText;
import dev.gmailserverauth.web.sanitizer.SanitizedHtml;
import dev.gmailserverauth.web.shared.Json;
import dev.gmailserverauth.web.shared.Links;
import dev.gmailserverauth.web.shared.PathParams;
import dev.gmailserverauth.web.shared.RequestValues;
import dev.gmailserverauth.web.shared.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The JSON API for reading: the message list, one message, conversations, labels, and the OpenAPI document that describes
 * every route ({@code /api/openapi.json}). Same session rules and error shape as the rest of the API.
 * A message's {@code html} is the sanitized document the message frame shows (remote images left out);
 * its {@code text} is the text part, or the HTML part as text; its labels carry their names (from a
 * {@code labels.list} beside the message's own call, left as ids should that one fail).
 */
final class MailApi {
    static final String OPENAPI_RESOURCE = "/openapi.json";

    private final ListMessages listMessages;
    private final GetMessage getMessage;
    private final ListThreads listThreads;
    private final GetThread getThread;
    private final ListLabels listLabels;
    private final Grants grants;
    private final Sidebar sidebar;
    private final byte[] openApi;

    MailApi(ListMessages listMessages, GetMessage getMessage, ListThreads listThreads, GetThread getThread, ListLabels listLabels, Grants grants, Sidebar sidebar) {
        this.listMessages = Objects.requireNonNull(listMessages);
        this.getMessage = Objects.requireNonNull(getMessage);
        this.listThreads = Objects.requireNonNull(listThreads);
        this.getThread = Objects.requireNonNull(getThread);
        this.listLabels = Objects.requireNonNull(listLabels);
        this.grants = Objects.requireNonNull(grants);
        this.sidebar = Objects.requireNonNull(sidebar);
        this.openApi = openApiDocument();
    }

    void register(RoutesConfig routes) {
        routes.get("/api/openapi.json", this::openApi);
        routes.get("/api/messages", this::messages);
        routes.get("/api/messages/{id}", this::message);
        routes.get("/api/threads", this::threads);
        routes.get("/api/threads/{id}", this::thread);
        routes.get("/api/labels", this::labels);
    }

    private void openApi(Context ctx) {
        Responses.markAnswered(ctx);
        ctx.status(200).contentType("application/json; charset=utf-8").result(openApi);
    }

    private void messages(Context ctx) {
        ListRequest request = ListRequest.parse(ctx, PageSize.DEFAULT.value());
        ListMessages.Listing listing = MailResults.value(listMessages.list(grants.require(ctx), request.messagesQuery()), "no such page");
        Page<MessageSummary> page = listing.page();
        Responses.json(ctx, 200, Json.object(
                "messages", page.items().stream().map(MailApi::summary).toList(),
                "nextPageToken", page.nextPageToken().map(PageToken::value),
                "resultSizeEstimate", page.resultSizeEstimate(),
                "partial", !listing.complete(),
                "missingIds", listing.missing().stream().map(MessageId::value).toList(),
                "indexedAt", listing.indexedAt().map(Object::toString)));
    }

    private void message(Context ctx) {
        MessageId id = RequestValues.messageId(PathParams.get(ctx, "id"));
        MailboxGrant grant = grants.require(ctx);
        Sidebar.Pending<Label> labels = sidebar.start(() -> listLabels.list(grant));
        Message message = MailResults.byId(getMessage.get(grant, id), "there is no message with this id in your mailbox");
        Responses.json(ctx, 200, message(message, LabelNames.byId(labels.orEmpty()), href -> Links.keepingAccount(ctx, href)));
    }

    private void threads(Context ctx) {
        ListRequest request = ListRequest.parse(ctx, PageSize.DEFAULT.value());
        Page<ThreadSummary> page = MailResults.value(listThreads.list(grants.require(ctx), request.threadsQuery()), "no such page");
        Responses.json(ctx, 200, Json.object(
                "threads", page.items().stream().map(t -> Json.object("id", t.id().value(), "snippet", t.snippet())).toList(),
                "nextPageToken", page.nextPageToken().map(PageToken::value),
                "resultSizeEstimate", page.resultSizeEstimate()));
    }

    private void thread(Context ctx) {
        ThreadId id = RequestValues.threadId(PathParams.get(ctx, "id"));
        MailboxGrant grant = grants.require(ctx);
        Sidebar.Pending<Label> labels = sidebar.start(() -> listLabels.list(grant));
        MailThread thread = MailResults.byId(getThread.get(grant, id), "there is no conversation with this id in your mailbox");
        Map<LabelId, Label> names = LabelNames.byId(labels.orEmpty());
        Responses.json(ctx, 200, Json.object(
                "id", thread.id().value(),
                "messages", thread.messages().stream().map(m -> message(m, names, href -> Links.keepingAccount(ctx, href))).toList()));
    }

    private void labels(Context ctx) {
        List<Label> labels = MailResults.value(listLabels.list(grants.require(ctx)), "no labels");
        Responses.json(ctx, 200, Json.object("labels", labels.stream().filter(LabelNames::shown).sorted(LabelNames.SIDEBAR_ORDER)
                .map(label -> Json.object("id", label.id().value(), "name", LabelNames.display(label),
                        "type", label.type() == Label.Type.SYSTEM ? "system" : "user"))
                .toList()));
    }

    private static Map<String, Object> summary(MessageSummary summary) {
        return Json.object(
                "id", summary.id().value(),
                "threadId", summary.threadId().value(),
                "subject", summary.subject(),
                "from", summary.from(),
                "date", summary.date().toString(),
                "snippet", summary.snippet(),
                "unread", summary.unread(),
                "starred", summary.starred());
    }

    /** {@code keep} keeps the account the request named in the links it answers. */
    private static Map<String, Object> message(Message message, Map<LabelId, Label> names, UnaryOperator<String> keep) {
        Optional<SanitizedHtml> html = message.htmlBody().map(raw -> MailHtmlSanitizer.sanitize(raw, false, InlineParts.of(message)));
        Optional<String> text = message.textBody().filter(t -> !t.isBlank()).or(() -> message.htmlBody().map(MailText::fromHtml));
        return Json.object(
                "id", message.id().value(),
                "threadId", message.threadId().value(),
                "subject", message.subject(),
                "from", message.from(),
                "to", message.header("To"),
                "cc", message.header("Cc"),
                "date", message.date().toString(),
                "snippet", message.snippet(),
                "unread", message.unread(),
                "starred", message.starred(),
                "labels", message.labelIds().stream().sorted((a, b) -> a.value().compareTo(b.value()))
                        .map(label -> Json.object("id", label.value(), "name", LabelNames.display(label, names))).toList(),
                "text", text,
                "html", html.map(SanitizedHtml::document),
                "remoteImagesBlocked", html.map(SanitizedHtml::blockedRemote).orElse(0),
                "attachments", message.attachments().stream().map(a -> attachment(message.id(), a, keep)).toList());
    }

    private static Map<String, Object> attachment(MessageId message, Attachment attachment, UnaryOperator<String> keep) {
        return Json.object(
                "partId", attachment.part().value(),
                "filename", DownloadNames.display(attachment),
                "mimeType", attachment.mimeType(),
                "size", attachment.size(),
                "inline", attachment.inline(),
                "contentId", attachment.contentId(),
                "downloadUrl", keep.apply(Links.attachment(message, attachment.part())),
                "apiUrl", keep.apply("/api" + Links.attachment(message, attachment.part())));
    }

    private static byte[] openApiDocument() {
        try (InputStream in = MailApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, e);
        }
    }
}
