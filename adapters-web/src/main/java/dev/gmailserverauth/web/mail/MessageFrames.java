package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.application.GetMessage;
import dev.gmailserverauth.application.MailboxGrant;
import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.web.http.SecurityHeaders;
import dev.gmailserverauth.web.sanitizer.MailHtmlSanitizer;
import dev.gmailserverauth.web.sanitizer.SanitizedHtml;
import dev.gmailserverauth.web.shared.Failure;
import dev.gmailserverauth.web.shared.FormData;
import dev.gmailserverauth.web.shared.Links;
import dev.gmailserverauth.web.shared.PathParams;
import dev.gmailserverauth.web.shared.RequestValues;
import dev.gmailserverauth.web.shared.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;

/**
 * {@code GET /messages/{id}/body[?images=show]}: a message's HTML part, sanitized, as a document of its
 * own for the sandboxed frame of the message and conversation pages. It has its own
 * Content-Security-Policy (see {@link SecurityHeaders#messageFrame}): mail needs inline styles and, when
 * the reader asks, remote images, which the app's own pages never allow.
 */
final class MessageFrames {
    private final GetMessage getMessage;
    private final Grants grants;

    MessageFrames(GetMessage getMessage, Grants grants) {
        this.getMessage = Objects.requireNonNull(getMessage);
        this.grants = Objects.requireNonNull(grants);
    }

    void register(RoutesConfig routes) {
        routes.get(Links.MESSAGES + "/{id}/body", this::show);
    }

    private void show(Context ctx) {
        MessageId id = RequestValues.messageId(PathParams.get(ctx, "id"));
        boolean remoteImages = RequestValues.remoteImages(FormData.parse(ctx.queryString()));
        MailboxGrant grant = grants.require(ctx);
        Message message = MailResults.byId(getMessage.get(grant, id), "there is no message with this id in your mailbox");
        String html = message.htmlBody().orElseThrow(() -> new Failure.NotFound("this message has no HTML part"));
        SanitizedHtml clean = MailHtmlSanitizer.sanitize(html, remoteImages, InlineParts.of(message));
        SecurityHeaders.messageFrame(ctx, remoteImages);
        Responses.html(ctx, 200, clean.document());
    }
}
