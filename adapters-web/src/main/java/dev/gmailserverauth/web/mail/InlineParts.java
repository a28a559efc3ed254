package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.domain.model.Attachment;
import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.web.sanitizer.InlineImages;
import dev.gmailserverauth.web.shared.Links;
import java.util.Set;

/**
 * The images a message's HTML shows from its own parts ({@code cid:}): only PNG, JPEG, GIF and WebP,
 * the types a browser shows as pictures and nothing more (no SVG, which can carry script), served inline
 * from the message's attachment route.
 */
final class InlineParts {
    static final Set<String> SAFE_IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private InlineParts() {
    }

    static InlineImages of(Message message) {
        return contentId -> message.inlinePart(contentId)
                .filter(part -> SAFE_IMAGE_TYPES.contains(part.mimeType()))
                .map(part -> Links.inlineImage(message.id(), part.part()));
    }

    /** A part the HTML shows itself, so not listed among the attachments. */
    static boolean shownInline(Attachment attachment) {
        return attachment.inline() && attachment.contentId().isPresent() && SAFE_IMAGE_TYPES.contains(attachment.mimeType());
    }
}
