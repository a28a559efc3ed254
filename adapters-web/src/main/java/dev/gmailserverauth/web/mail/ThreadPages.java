package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.application.GetThread;
import dev.gmailserverauth.application.ListLabels;
import dev.gmailserverauth.application.MailboxGrant;
import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MailThread;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.web.shared.FormData;
import dev.gmailserverauth.web.shared.Links;
import dev.gmailserverauth.web.shared.PageRenderer;
import dev.gmailserverauth.web.shared.PathParams;
import dev.gmailserverauth.web.shared.RequestValues;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /threads/{id}}: a conversation, its messages oldest first, the latest open and the others
 * folded ({@code <details>}, no script). One {@code threads.get} brings every message; the label names
 * come beside it, as a secondary part. {@code ?images=show} shows the remote images of the whole conversation (one
 * choice per page, in its address).
 */
final class ThreadPages {
    private final GetThread getThread;
    private final ListLabels listLabels;
    private final Grants grants;
    private final PageRenderer pages;
    private final Sidebar sidebar;

    ThreadPages(GetThread getThread, ListLabels listLabels, Grants grants, PageRenderer pages, Sidebar sidebar) {
        this.getThread = Objects.requireNonNull(getThread);
        this.listLabels = Objects.requireNonNull(listLabels);
        this.grants = Objects.requireNonNull(grants);
        this.pages = Objects.requireNonNull(pages);
        this.sidebar = Objects.requireNonNull(sidebar);
    }

    void register(RoutesConfig routes) {
        routes.get(Links.THREADS + "/{id}", this::show);
    }

    private void show(Context ctx) {
        ThreadId id = RequestValues.threadId(PathParams.get(ctx, "id"));
        boolean remoteImages = RequestValues.remoteImages(FormData.parse(ctx.queryString()));
        ListRequest from = ListRequest.ofPage(ctx, PageSize.DEFAULT.value());
        MailboxGrant grant = grants.require(ctx);
        Sidebar.Pending<Label> labels = sidebar.start(() -> listLabels.list(grant));
        MailThread thread = MailResults.byId(getThread.get(grant, id), "there is no conversation with this id in your mailbox");
        Map<LabelId, Label> names = LabelNames.byId(labels.orEmpty());
        List<MessageView> messages = thread.messages().stream()
                .map(message -> MessageViews.of(message, names, remoteImages,
                        new MessageViews.ImageLinks(from.carry(Links.threadWithImages(id)), from.carry(Links.thread(id)))))
                .toList();
        String subject = messages.isEmpty() ? "(no subject)" : messages.get(0).subject();
        pages.render(ctx, 200, "thread.jte", new ThreadPage(pages.chrome(ctx, subject, grant), id.value(), subject, messages, from.backToList()));
    }
}
