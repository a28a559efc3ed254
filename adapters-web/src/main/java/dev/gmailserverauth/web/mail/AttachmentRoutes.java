package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.application.AttachmentDownload;
import dev.gmailserverauth.application.GetAttachment;
import dev.gmailserverauth.domain.model.Attachment;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.PartId;
import dev.gmailserverauth.web.http.SecurityHeaders;
import dev.gmailserverauth.web.shared.Failure;
import dev.gmailserverauth.web.shared.FormData;
import dev.gmailserverauth.web.shared.Formats;
import dev.gmailserverauth.web.shared.Json;
import dev.gmailserverauth.web.shared.Links;
import dev.gmailserverauth.web.shared.PathParams;
import dev.gmailserverauth.web.shared.RequestValues;
import dev.gmailserverauth.web.shared.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.Objects;

/**
 * A file of a message, fetched through Gmail's {@code messages.attachments.get}:
 * {@code GET /messages/{id}/attachments/{partId}} answers the bytes, always as a download
 * ({@code Content-Disposition: attachment}, RFC 6266 name), except a PNG, JPEG, GIF or WebP image asked
 * for with {@code ?inline=1} (the message frame's {@code cid:} images), which is shown inline;
 * {@code GET /api/messages/{id}/attachments/{partId}} answers JSON with the bytes in base64url. A file
 * over the limit is a 422 that says so. Every answer carries {@code nosniff} and a sandboxing policy.
 */
final class AttachmentRoutes {
    private static final String TCHARS = "!#$%&'*+-.^_`|~";

    private final GetAttachment getAttachment;
    private final Grants grants;

    AttachmentRoutes(GetAttachment getAttachment, Grants grants) {
        this.getAttachment = Objects.requireNonNull(getAttachment);
        this.grants = Objects.requireNonNull(grants);
    }

    void register(RoutesConfig routes) {
        routes.get(Links.MESSAGES + "/{id}/attachments/{part}", this::download);
        routes.get("/api" + Links.MESSAGES + "/{id}/attachments/{part}", this::json);
    }

    private void download(Context ctx) {
        AttachmentDownload.Fetched fetched = fetch(ctx);
        Attachment attachment = fetched.attachment();
        boolean inline = FormData.parse(ctx.queryString()).get("inline").isPresent()
                && InlineParts.SAFE_IMAGE_TYPES.contains(attachment.mimeType());
        SecurityHeaders.download(ctx);
        ctx.header("Content-Disposition", DownloadNames.contentDisposition(attachment, inline));
        Responses.markAnswered(ctx);
        ctx.status(200).contentType(contentType(attachment.mimeType())).result(fetched.data().bytes());
    }

    private void json(Context ctx) {
        AttachmentDownload.Fetched fetched = fetch(ctx);
        Attachment attachment = fetched.attachment();
        Responses.json(ctx, 200, Json.object(
                "partId", attachment.part().value(),
                "filename", DownloadNames.display(attachment),
                "mimeType", attachment.mimeType(),
                "size", fetched.data().size(),
                "data", Base64.getUrlEncoder().withoutPadding().encodeToString(fetched.data().bytes())));
    }

    private AttachmentDownload.Fetched fetch(Context ctx) {
        MessageId id = RequestValues.messageId(PathParams.get(ctx, "id"));
        PartId part = RequestValues.partId(PathParams.get(ctx, "part"));
        AttachmentDownload download = MailResults.byId(getAttachment.get(grants.require(ctx), id, part),
                "this message has no attachment at that part");
        return download.fold(fetched -> fetched, tooLarge -> {
            throw new Failure.TooLarge("This file is " + Formats.size(tooLarge.attachment().size()) + "; files up to "
                    + Formats.size(tooLarge.limitBytes()) + " can be downloaded here. Open the message in Gmail to get it.",
                    tooLarge.attachment().size(), tooLarge.limitBytes());
        });
    }

    /** The declared type when it is a well-formed {@code type/subtype}; else {@code application/octet-stream}. */
    private static String contentType(String mimeType) {
        int slash = mimeType.indexOf('/');
        boolean wellFormed = slash > 0 && slash < mimeType.length() - 1 && mimeType.length() <= 127
                && mimeType.chars().allMatch(c -> c == '/' || c < 127 && (Character.isLetterOrDigit(c) || TCHARS.indexOf(c) >= 0))
                && mimeType.indexOf('/', slash + 1) < 0;
        return wellFormed ? mimeType : "application/octet-stream";
    }
}
