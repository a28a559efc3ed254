package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.web.sanitizer.MailHtmlSanitizer;
import dev.gmailserverauth.web.sanitizer.SanitizedHtml;
import dev.gmailserverauth.web.sanitizer.TextLinks;
import dev.gmailserverauth.web.shared.Formats;
import dev.gmailserverauth.web.shared.Links;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a message into what its page or its conversation shows. An HTML part is shown (in the message
 * frame) in preference to the text part, as Gmail does; it is sanitized here as well, for the count of
 * remote images the frame will leave out. Files shown inline by the HTML ({@code cid:} images) are not
 * listed again as attachments.
 */
final class MessageViews {
    private static final Set<String> SHOWN_HEADERS = Set.of("from", "to", "cc", "reply-to");

    private MessageViews() {
    }

    /**
     * @param remoteImages the reader asked to see remote images
     * @param imageLinks the page again with remote images shown, and without
     */
    static MessageView of(Message message, Map<LabelId, Label> labels, boolean remoteImages, ImageLinks imageLinks) {
        List<HeaderLine> headers = message.headers().stream()
                .filter(h -> SHOWN_HEADERS.contains(h.name().toLowerCase(Locale.ROOT)))
                .map(h -> new HeaderLine(h.name(), h.value()))
                .toList();
        return new MessageView(message.id().value(), Links.message(message.id()), Links.thread(message.threadId()), subject(message),
                Formats.senderName(message.from()), message.from(), headers, Formats.utc(message.date()) + " UTC", message.unread(),
                message.starred(), LabelNames.chips(message.labelIds(), labels), message.snippet(),
                body(message, remoteImages, imageLinks), attachments(message));
    }

    static String subject(Message message) {
        return message.subject().isBlank() ? "(no subject)" : message.subject();
    }

    private static BodyView body(Message message, boolean remoteImages, ImageLinks imageLinks) {
        if (message.htmlBody().isPresent()) {
            SanitizedHtml html = MailHtmlSanitizer.sanitize(message.htmlBody().get(), remoteImages, InlineParts.of(message));
            return new BodyView(Optional.of(Links.messageFrame(message.id(), remoteImages)), List.of(), html.blockedRemote(),
                    html.blockedRemote() > 0 ? Optional.of(imageLinks.show()) : Optional.empty(), remoteImages,
                    remoteImages ? Optional.of(imageLinks.hide()) : Optional.empty(), note(html.shown()));
        }
        String text = message.textBody().orElse("");
        return new BodyView(Optional.empty(), TextLinks.of(text), 0, Optional.empty(), false, Optional.empty(),
                text.isBlank() ? "This message has no text." : "");
    }

    /** The page showing a message, with its remote images ({@code show}) and without ({@code hide}). */
    record ImageLinks(String show, String hide) {
        ImageLinks {
            Objects.requireNonNull(show, "show");
            Objects.requireNonNull(hide, "hide");
        }
    }

    private static String note(SanitizedHtml.Shown shown) {
        return switch (shown) {
            case WHOLE -> "";
            case CUT_AT_SIZE_CAP -> "This message is longer than " + Formats.size(MailHtmlSanitizer.MAX_CHARS) + "; only its beginning is shown.";
            case AS_TEXT -> "This message is built of too many parts to show as it was designed; it is shown as plain text.";
        };
    }

    private static List<AttachmentLink> attachments(Message message) {
        return message.attachments().stream()
                .filter(a -> !InlineParts.shownInline(a))
                .map(a -> new AttachmentLink(DownloadNames.display(a), a.mimeType(), Formats.size(a.size()), Links.attachment(message.id(), a.part())))
                .toList();
    }
}
