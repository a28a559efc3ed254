package dev.gmailserverauth.web.mail;

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
import dev.gmailserverauth.web.shared.FormData;
import dev.gmailserverauth.web.shared.Formats;
import dev.gmailserverauth.web.shared.Links;
import dev.gmailserverauth.web.shared.PageRenderer;
import dev.gmailserverauth.web.shared.PathParams;
import dev.gmailserverauth.web.shared.RequestValues;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /messages} (the list: each row opens its conversation and, by its second link, the message
 * alone) and {@code GET /messages/{id}[?images=show]} (one message), as HTML pages. Every link of these pages
 * carries the list they came from (search, page, its {@link PageTrail}), so "Back to messages" returns there.
 */
final class MailPages {
    private final ListMessages listMessages;
    private final ListLabels listLabels;
    private final GetMessage getMessage;
    private final Grants grants;
    private final PageRenderer pages;
    private final Sidebar sidebar;
    private final int defaultPageSize;
    private final Clock clock;

    MailPages(ListMessages listMessages, ListLabels listLabels, GetMessage getMessage, Grants grants, PageRenderer pages, Sidebar sidebar,
            int defaultPageSize, Clock clock) {
        this.listMessages = Objects.requireNonNull(listMessages);
        this.listLabels = Objects.requireNonNull(listLabels);
        this.getMessage = Objects.requireNonNull(getMessage);
        this.grants = Objects.requireNonNull(grants);
        this.pages = Objects.requireNonNull(pages);
        this.sidebar = Objects.requireNonNull(sidebar);
        this.defaultPageSize = defaultPageSize;
        this.clock = Objects.requireNonNull(clock);
    }

    void register(RoutesConfig routes) {
        routes.get("/messages", this::list);
        routes.get("/messages/{id}", this::show);
    }

    private void list(Context ctx) {
        ListRequest request = ListRequest.ofPage(ctx, defaultPageSize);
        MailboxGrant grant = grants.require(ctx);
        Sidebar.Pending<Label> labels = sidebar.start(() -> listLabels.list(grant));
        ListMessages.Listing listing = MailResults.value(listMessages.list(grant, request.messagesQuery()), "no such page");
        Page<MessageSummary> page = listing.page();

        SearchQuery search = request.search();
        List<Label> mailboxLabels = labels.orEmpty();
        Map<LabelId, Label> names = LabelNames.byId(mailboxLabels);
        List<MessageRow> rows = page.items().stream().map(summary -> row(summary, names, request)).toList();
        pages.render(ctx, 200, "messages.jte", new MessagesPage(
                pages.chrome(ctx, search.isEmpty() ? "Messages" : "Search: " + search.value(), grant),
                search.value(),
                rows,
                page.nextPageToken().map(request::next),
                request.previous(),
                request.pageToken().map(ignored -> request.first()),
                labelLinks(mailboxLabels, search),
                listing.missing().size(),
                request.backToList(),
                listing.indexedAt().map(this::freshness)));
    }

    private MessagesPage.IndexFreshness freshness(Instant syncedAt) {
        long seconds = Math.max(0, Duration.between(syncedAt, clock.instant()).toSeconds());
        return new MessagesPage.IndexFreshness(syncedAt.toString(), Formats.agoInWords(seconds));
    }

    private void show(Context ctx) {
        MessageId id = RequestValues.messageId(PathParams.get(ctx, "id"));
        boolean remoteImages = RequestValues.remoteImages(FormData.parse(ctx.queryString()));
        ListRequest from = ListRequest.ofPage(ctx, defaultPageSize);
        MailboxGrant grant = grants.require(ctx);
        Sidebar.Pending<Label> labels = sidebar.start(() -> listLabels.list(grant));
        Message message = MailResults.byId(getMessage.get(grant, id), "there is no message with this id in your mailbox");
        MessageView view = MessageViews.of(message, LabelNames.byId(labels.orEmpty()), remoteImages,
                new MessageViews.ImageLinks(from.carry(Links.messageWithImages(id)), from.carry(Links.message(id))));
        pages.render(ctx, 200, "message.jte", new MessagePage(pages.chrome(ctx, view.subject(), grant), view, from.backToList()));
    }

    /** The label sidebar's links; {@link Sidebar} makes sure a failure there never costs the person the list. */
    private static List<LabelLink> labelLinks(List<Label> labels, SearchQuery shown) {
        return labels.stream()
                .filter(LabelNames::shown)
                .sorted(LabelNames.SIDEBAR_ORDER)
                .map(label -> {
                    SearchQuery search = new SearchQuery("label:" + label.name().replace(' ', '-'));
                    return new LabelLink(label.id().value(), LabelNames.display(label), Links.messages(search, Optional.empty(), Optional.empty()),
                            search.value().equalsIgnoreCase(shown.value().strip()));
                })
                .toList();
    }

    private static MessageRow row(MessageSummary summary, Map<LabelId, Label> names, ListRequest list) {
        return new MessageRow(summary.id().value(), list.carry(Links.thread(summary.threadId())), list.carry(Links.message(summary.id())),
                summary.subject().isBlank() ? "(no subject)" : summary.subject(),
                Formats.senderName(summary.from()), summary.from(), Formats.utc(summary.date()), summary.snippet(), summary.unread(),
                summary.starred(), LabelNames.chips(summary.labelIds(), names).stream().filter(name -> !name.equals("Inbox")).toList());
    }
}
