package dev.gmailserverauth.google;

import com.google.api.services.gmail.model.MessagePart;
import dev.gmailserverauth.domain.model.Attachment;
import dev.gmailserverauth.domain.model.AttachmentId;
import dev.gmailserverauth.domain.model.PartId;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a {@code format=full} message: every part whose body Gmail keeps apart
 * ({@code body.attachmentId}), with its name, type, size and {@code Content-ID}.
 *
 * <p>The name is Gmail's {@code filename} when it gives one, else the {@code filename} of
 * {@code Content-Disposition} or the {@code name} of {@code Content-Type}; RFC 2231 parameters
 * ({@code filename*=UTF-8''%C3%9C...}, continuations) are decoded by Jakarta Mail's header classes and
 * RFC 2047 words by {@link EncodedWords}. Gmail numbers the top-level part {@code ""}; when that part is
 * itself the file (a message of one non-text part), it is called {@code 0}, a number no other part of such
 * a message has.
 */
final class MimeAttachments {
    private static final Logger LOG = LoggerFactory.getLogger(MimeAttachments.class);
    private static final String WHOLE_MESSAGE = "0";
    private static final String UNKNOWN_TYPE = "application/octet-stream";

    private MimeAttachments() {
    }

    static List<Attachment> of(MessagePart payload) {
        List<Attachment> found = new ArrayList<>();
        if (payload != null) collect(payload, found);
        return List.copyOf(found);
    }

    private static void collect(MessagePart part, List<Attachment> found) {
        if (part.getParts() != null) part.getParts().forEach(child -> collect(child, found));
        if (part.getBody() == null || part.getBody().getAttachmentId() == null) return;
        try {
            found.add(attachment(part));
        } catch (IllegalArgumentException e) {
            LOG.warn("skipping an attachment Gmail described: {}", e.getMessage());
        }
    }

    private static Attachment attachment(MessagePart part) {
        Optional<ContentDisposition> disposition = MimeBodies.header(part.getHeaders(), "Content-Disposition").flatMap(MimeAttachments::disposition);
        Optional<ContentType> contentType = MimeBodies.header(part.getHeaders(), "Content-Type").flatMap(MimeAttachments::contentType);
        Optional<String> contentId = MimeBodies.header(part.getHeaders(), "Content-ID").map(MimeAttachments::withoutAngles).filter(id -> !id.isEmpty());
        boolean inline = disposition.map(d -> "inline".equalsIgnoreCase(d.getDisposition())).orElse(contentId.isPresent());
        Integer size = part.getBody().getSize();
        return new Attachment(
                new PartId(part.getPartId() == null || part.getPartId().isEmpty() ? WHOLE_MESSAGE : part.getPartId()),
                new AttachmentId(part.getBody().getAttachmentId()),
                filename(part, disposition, contentType),
                mimeType(part, contentType),
                size == null ? 0 : size,
                contentId,
                inline);
    }

    private static String filename(MessagePart part, Optional<ContentDisposition> disposition, Optional<ContentType> contentType) {
        String name = part.getFilename();
        if (name == null || name.isEmpty()) name = disposition.map(d -> d.getParameter("filename")).orElse(null);
        if (name == null || name.isEmpty()) name = contentType.map(t -> t.getParameter("name")).orElse("");
        return EncodedWords.decode(name).strip();
    }

    private static String mimeType(MessagePart part, Optional<ContentType> contentType) {
        String type = part.getMimeType();
        if (type == null || type.indexOf('/') <= 0) type = contentType.map(ContentType::getBaseType).orElse(UNKNOWN_TYPE);
        return type.toLowerCase(Locale.ROOT);
    }

    private static Optional<ContentDisposition> disposition(String value) {
        try {
            return Optional.of(new ContentDisposition(value));
        } catch (ParseException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<ContentType> contentType(String value) {
        try {
            return Optional.of(new ContentType(value));
        } catch (ParseException malformed) {
            return Optional.empty();
        }
    }

    private static String withoutAngles(String contentId) {
        String id = contentId.strip();
        if (id.startsWith("<") && id.endsWith(">") && id.length() >= 2) id = id.substring(1, id.length() - 1).strip();
        return id;
    }
}
