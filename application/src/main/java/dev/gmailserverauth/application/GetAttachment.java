package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.Attachment;
import dev.gmailserverauth.domain.model.AttachmentData;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.PartId;
import dev.gmailserverauth.domain.port.Mailbox;
import dev.gmailserverauth.domain.port.MailboxResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a message, to download or to show as an inline image. It is named by its part, which stays
 * the same, because Gmail's attachment id changes with every read of the message: the message is read
 * (for the part's name, type and size and a current attachment id), then its bytes are fetched. A file
 * over the limit is not fetched at all. Both calls run under the request's grant, as one unit for the
 * 401 rule.
 */
public final class GetAttachment {
    private final Mailbox mailbox;
    private final long limitBytes;

    public GetAttachment(Mailbox mailbox, long limitBytes) {
        this.mailbox = Objects.requireNonNull(mailbox);
        if (limitBytes <= 0) throw new IllegalArgumentException("attachment limit must be positive");
        this.limitBytes = limitBytes;
    }

    public MailOutcome<AttachmentDownload> get(MailboxGrant grant, MessageId message, PartId part) {
        return grant.call(token -> mailbox.getMessage(token, message).flatMap(found -> {
            Optional<Attachment> attachment = found.attachment(part);
            if (attachment.isEmpty()) return new MailboxResponse.NotFound<>();
            if (attachment.get().size() > limitBytes) return new MailboxResponse.Ok<>(tooLarge(attachment.get()));
            return mailbox.getAttachment(token, message, attachment.get().id()).map(data -> download(attachment.get(), data));
        }));
    }

    private AttachmentDownload download(Attachment attachment, AttachmentData data) {
        if (data.size() > limitBytes) return tooLarge(attachment);
        return new AttachmentDownload.Fetched(attachment, data);
    }

    private AttachmentDownload tooLarge(Attachment attachment) {
        return new AttachmentDownload.TooLarge(attachment, limitBytes);
    }
}
