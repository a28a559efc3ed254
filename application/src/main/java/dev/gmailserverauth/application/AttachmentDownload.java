package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.Attachment;
import dev.gmailserverauth.domain.model.AttachmentData;
import java.util.Objects;

/** What asking for one attachment of a message came to, once the message and the part exist. */
public sealed interface AttachmentDownload {

    /** The file as the message describes it, and its bytes. */
    record Fetched(Attachment attachment, AttachmentData data) implements AttachmentDownload {
        public Fetched {
            Objects.requireNonNull(attachment, "attachment");
            Objects.requireNonNull(data, "data");
        }
    }

    /** Larger than this application hands out; nothing was downloaded (or what was, was dropped). */
    record TooLarge(Attachment attachment, long limitBytes) implements AttachmentDownload {
        public TooLarge {
            Objects.requireNonNull(attachment, "attachment");
        }
    }
}
