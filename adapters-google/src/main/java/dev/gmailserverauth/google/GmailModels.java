package dev.gmailserverauth.google;

import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartBody;
import com.google.api.services.gmail.model.MessagePartHeader;
import dev.gmailserverauth.domain.model.AttachmentData;
import dev.gmailserverauth.domain.model.Header;
import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MailThread;
import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageRef;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.ThreadSummary;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Translates Gmail's model classes into domain values. */
final class GmailModels {
    private static final Logger LOG = LoggerFactory.getLogger(GmailModels.class);

    private GmailModels() {
    }

    static MessageRef ref(com.google.api.services.gmail.model.Message m) {
        MessageId id = new MessageId(m.getId());
        return new MessageRef(id, threadIdOf(m));
    }

    static ThreadSummary threadSummary(com.google.api.services.gmail.model.Thread t) {
        return new ThreadSummary(new ThreadId(t.getId()), Snippets.unescape(t.getSnippet()));
    }

    /** A summary from a {@code format=metadata} message. */
    static MessageSummary summary(com.google.api.services.gmail.model.Message m) {
        List<MessagePartHeader> headers = m.getPayload() == null ? null : m.getPayload().getHeaders();
        return new MessageSummary(
                new MessageId(m.getId()),
                threadIdOf(m),
                decodedHeader(headers, "Subject"),
                decodedHeader(headers, "From"),
                dateOf(m, headers),
                Snippets.unescape(m.getSnippet()),
                labelIds(m.getLabelIds()));
    }

    /** A whole message from {@code format=full}. */
    static Message message(com.google.api.services.gmail.model.Message m) {
        MessagePart payload = m.getPayload();
        List<MessagePartHeader> headers = payload == null ? null : payload.getHeaders();
        MimeBodies bodies = MimeBodies.of(payload);
        return new Message(
                new MessageId(m.getId()),
                threadIdOf(m),
                headers(headers),
                bodies.text(),
                bodies.html(),
                labelIds(m.getLabelIds()),
                Snippets.unescape(m.getSnippet()),
                dateOf(m, headers),
                MimeAttachments.of(payload));
    }

    /** The bytes of {@code messages.attachments.get}: base64url {@code data}, padded or not. */
    static AttachmentData attachmentData(MessagePartBody body) {
        byte[] bytes = body.decodeData();
        return new AttachmentData(bytes == null ? new byte[0] : bytes);
    }

    static MailThread thread(com.google.api.services.gmail.model.Thread t) {
        List<com.google.api.services.gmail.model.Message> messages = t.getMessages() == null ? List.of() : t.getMessages();
        return new MailThread(new ThreadId(t.getId()), messages.stream().map(GmailModels::message).toList());
    }

    /** Labels whose ids the domain accepts; anything else is logged and left out. */
    static List<Label> labels(List<com.google.api.services.gmail.model.Label> labels) {
        if (labels == null) return List.of();
        return labels.stream().map(GmailModels::label).flatMap(Optional::stream).toList();
    }

    private static Optional<Label> label(com.google.api.services.gmail.model.Label l) {
        try {
            String name = l.getName() == null || l.getName().isBlank() ? l.getId() : l.getName();
            Label.Type type = "user".equalsIgnoreCase(l.getType()) ? Label.Type.USER : Label.Type.SYSTEM;
            return Optional.of(new Label(new LabelId(l.getId()), name, type));
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warn("skipping a label Gmail returned: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static ThreadId threadIdOf(com.google.api.services.gmail.model.Message m) {
        return new ThreadId(m.getThreadId() == null ? m.getId() : m.getThreadId());
    }

    private static List<Header> headers(List<MessagePartHeader> headers) {
        if (headers == null) return List.of();
        return headers.stream()
                .filter(h -> h.getName() != null && !h.getName().isBlank())
                .map(h -> new Header(h.getName(), EncodedWords.decode(h.getValue())))
                .toList();
    }

    private static String decodedHeader(List<MessagePartHeader> headers, String name) {
        return MimeBodies.header(headers, name).map(EncodedWords::decode).orElse("");
    }

    private static Set<LabelId> labelIds(List<String> ids) {
        if (ids == null) return Set.of();
        Set<LabelId> result = new LinkedHashSet<>();
        for (String id : ids) {
            try {
                result.add(new LabelId(Objects.requireNonNull(id, "label id")));
            } catch (IllegalArgumentException | NullPointerException e) {
                LOG.warn("skipping a label id Gmail returned: {}", e.getMessage());
            }
        }
        return result;
    }

    /** {@code internalDate} (epoch millis, Gmail's ordering time); the {@code Date} header only if it is missing. */
    private static Instant dateOf(com.google.api.services.gmail.model.Message m, List<MessagePartHeader> headers) {
        if (m.getInternalDate() != null) return Instant.ofEpochMilli(m.getInternalDate());
        return MimeBodies.header(headers, "Date").flatMap(GmailModels::parseDate).orElse(Instant.EPOCH);
    }

    private static Optional<Instant> parseDate(String value) {
        try {
            String trimmed = value.replaceAll("\\s*\\([^)]*\\)\\s*$", "").trim();
            return Optional.of(ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
