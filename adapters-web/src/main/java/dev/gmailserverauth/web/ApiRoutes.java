package dev.gmailserverauth.web;

import dev.gmailserverauth.application.DescribeUser;
import dev.gmailserverauth.application.ListMessages;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import dev.gmailserverauth.domain.model.ConsentReason;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.UserIdentity;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code GET /api/messages} and {@code GET /api/me}: the JSON API, for the same signed-in session. */
final class ApiRoutes {
    private final ListMessages listMessages;
    private final DescribeUser describeUser;
    private final Grants grants;
    private final Sessions sessions;

    ApiRoutes(ListMessages listMessages, DescribeUser describeUser, Grants grants, Sessions sessions) {
        this.listMessages = Objects.requireNonNull(listMessages);
        this.describeUser = Objects.requireNonNull(describeUser);
        this.grants = Objects.requireNonNull(grants);
        this.sessions = Objects.requireNonNull(sessions);
    }

    void register(RoutesConfig routes) {
        routes.get("/api/messages", this::messages);
        routes.get("/api/me", this::me);
    }

    private void messages(Context ctx) {
        ListRequest request = ListRequest.parse(ctx, PageSize.DEFAULT.value());
        ListMessages.Listing listing = MailResults.value(listMessages.list(grants.require(ctx), request.messagesQuery()), "no such page");
        Page<MessageSummary> page = listing.page();
        Responses.json(ctx, 200, Json.object(
                "messages", page.items().stream().map(ApiRoutes::message).toList(),
                "nextPageToken", page.nextPageToken().map(PageToken::value),
                "resultSizeEstimate", page.resultSizeEstimate(),
                "partial", !listing.complete(),
                "missingIds", listing.missing().stream().map(MessageId::value).toList(),
                "indexedAt", listing.indexedAt().map(Object::toString)));
    }

    private void me(Context ctx) {
        UserId user = sessions.visitor(ctx).requireUser();
        UserIdentity identity = describeUser.describe(user)
                .orElseThrow(() -> new Failure.ConsentNeeded(new ConsentRequired(ConsentReason.NOT_AUTHORIZED, Optional.empty())));
        Responses.json(ctx, 200, Json.object("userId", identity.userId().value(), "email", identity.email().value()));
    }

    private static Map<String, Object> message(MessageSummary summary) {
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
}
