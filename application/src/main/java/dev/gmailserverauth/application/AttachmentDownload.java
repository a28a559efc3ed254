package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.Attachment;
import dev.gmailserverauth.domain.model.AttachmentData;
import java.util.Objects;
import java.util.function.Function;

/** What asking for one attachment of a message came to, once the message and the part exist. */
public sealed interface AttachmentDownload {
    /** Takes this apart: runs the one function for its case. */
    <R> R fold(Function<Fetched, R> fetched, Function<TooLarge, R> tooLarge);

    /** The file as the message describes it, and its bytes. */
    record Fetched(Attachment attachment, AttachmentData data) implements AttachmentDownload {
        public Fetched {
            Objects.requireNonNull(attachment, "attachment");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public <R> R fold(Function<Fetched, R> fetched, Function<TooLarge, R> tooLarge) {
            return fetched.apply(this);
        }
    }

    /** Larger than this application hands out; nothing was downloaded (or what was, was dropped). */
    record TooLarge(Attachment attachment, long limitBytes) implements AttachmentDownload {
        public TooLarge {
            Objects.requireNonNull(attachment, "attachment");
        }

        @Override
        public <R> R fold(Function<Fetched, R> fetched, Function<TooLarge, R> tooLarge) {
            return tooLarge.apply(this);
        }
    }
}
