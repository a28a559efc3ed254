package dev.gmailserverauth.web;

import dev.gmailserverauth.application.GetMessage;
import dev.gmailserverauth.application.ListLabels;
import dev.gmailserverauth.application.ListMessages;
import dev.gmailserverauth.application.MailboxGrant;
import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.web.view.HeaderLine;
import dev.gmailserverauth.web.view.LabelLink;
import dev.gmailserverauth.web.view.MessagePage;
import dev.gmailserverauth.web.view.MessageRow;
import dev.gmailserverauth.web.view.MessagesPage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@code GET /messages} and {@code GET /messages/{id}}: the mail, as HTML pages. */
final class MailPages {
    private static final Set<String> SHOWN_HEADERS = Set.of("from", "to", "cc", "reply-to");

    private final ListMessages listMessages;
    private final ListLabels listLabels;
    private final GetMessage getMessage;
    private final Grants grants;
    private final PageRenderer pages;
    private final Sidebar sidebar;
    private final int defaultPageSize;

    MailPages(ListMessages listMessages, ListLabels listLabels, GetMessage getMessage, Grants grants, PageRenderer pages, Sidebar sidebar,
            int defaultPageSize) {
        this.listMessages = Objects.requireNonNull(listMessages);
        this.listLabels = Objects.requireNonNull(listLabels);
        this.getMessage = Objects.requireNonNull(getMessage);
        this.grants = Objects.requireNonNull(grants);
        this.pages = Objects.requireNonNull(pages);
        this.sidebar = Objects.requireNonNull(sidebar);
        this.defaultPageSize = defaultPageSize;
    }

    void register(RoutesConfig routes) {
        routes.get("/messages", this::list);
        routes.get("/messages/{id}", this::show);
    }

    private void list(Context ctx) {
        ListRequest request = ListRequest.parse(ctx, defaultPageSize);
        MailboxGrant grant = grants.require(ctx);
        Sidebar.Pending<Label> labels = sidebar.start(() -> listLabels.list(grant));
        Page<MessageSummary> page = MailResults.value(listMessages.list(grant, request.messagesQuery()), "no such page");

        SearchQuery search = request.search();
        List<MessageRow> rows = page.items().stream().map(MailPages::row).toList();
        pages.render(ctx, 200, "messages.jte", new MessagesPage(
                pages.chrome(ctx, search.isEmpty() ? "Messages" : "Search: " + search.value(), grant),
                search.value(),
                rows,
                page.nextPageToken().map(next -> Links.messages(search, Optional.of(next), request.explicitSize())),
                request.pageToken().map(ignored -> Links.messages(search, Optional.empty(), request.explicitSize())),
                labelLinks(labels.orEmpty())));
    }

    private void show(Context ctx) {
        MessageId id = RequestValues.messageId(PathParams.get(ctx, "id"));
        MailboxGrant grant = grants.require(ctx);
        Message message = MailResults.value(getMessage.get(grant, id), "there is no message with this id in your mailbox");
        String subject = message.subject().isBlank() ? "(no subject)" : message.subject();
        List<HeaderLine> headers = message.headers().stream()
                .filter(h -> SHOWN_HEADERS.contains(h.name().toLowerCase(Locale.ROOT)))
                .map(h -> new HeaderLine(h.name(), h.value()))
                .toList();
        Body body = body(message);
        pages.render(ctx, 200, "message.jte", new MessagePage(pages.chrome(ctx, subject, grant), id.value(), subject, headers,
                Formats.utc(message.date()) + " UTC", message.labelIds().stream().map(LabelId::value).sorted().toList(), body.text(), body.note()));
    }

    /** The label sidebar's links; {@link Sidebar} makes sure a failure there never costs the person the list. */
    private static List<LabelLink> labelLinks(List<Label> labels) {
        return labels.stream()
                .filter(LabelNames::shown)
                .sorted(LabelNames.SIDEBAR_ORDER)
                .map(label -> new LabelLink(label.id().value(), LabelNames.display(label),
                        Links.messages(new SearchQuery("label:" + label.name().replace(' ', '-')), Optional.empty(), Optional.empty())))
                .toList();
    }

    private static MessageRow row(MessageSummary summary) {
        return new MessageRow(summary.id().value(), Links.message(summary.id()),
                summary.subject().isBlank() ? "(no subject)" : summary.subject(),
                Formats.senderName(summary.from()), summary.from(), Formats.utc(summary.date()), summary.snippet(), summary.unread());
    }

    private record Body(String text, String note) {
    }

    /** The text part when there is one; otherwise the HTML part reduced to text. Both are rendered escaped. */
    private static Body body(Message message) {
        if (message.textBody().filter(text -> !text.isBlank()).isPresent()) return new Body(message.textBody().get(), "");
        if (message.htmlBody().isPresent()) {
            return new Body(HtmlText.toText(message.htmlBody().get()), "This message has only an HTML version; it is shown here as plain text.");
        }
        return new Body("", "This message has no text.");
    }
}
