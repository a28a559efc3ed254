package dev.gmailserverauth.sandbox.internal.gmail;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Gmail API resources (Message, MessagePart, Thread, Label, Profile) as Gmail's JSON. */
final class GmailJson {
    public enum Format { MINIMAL, METADATA, FULL, RAW }

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private GmailJson() {}

    /** A {@code Message}; attachment parts get ids from {@code attachmentIds}. */
    static JsonObject message(StoredMessage m, Format format, List<String> metadataHeaders, AttachmentIds attachmentIds) {
        JsonObject o = new JsonObject();
        o.addProperty("id", m.id());
        o.addProperty("threadId", m.threadId());
        if (!m.labelIds().isEmpty()) o.add("labelIds", strings(m.labelIds()));
        o.addProperty("snippet", m.snippet());
        if (format == Format.METADATA) o.add("payload", metadataPayload(m.payload(), metadataHeaders));
        if (format == Format.FULL) o.add("payload", part(m.payload(), m.id(), attachmentIds));
        o.addProperty("sizeEstimate", m.sizeEstimate());
        if (format == Format.RAW) o.addProperty("raw", BASE64URL.encodeToString(m.raw()));
        o.addProperty("historyId", Long.toString(m.historyId()));
        o.addProperty("internalDate", Long.toString(m.internalDate().toEpochMilli()));
        return o;
    }

    private static JsonObject metadataPayload(MessagePart payload, List<String> wanted) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(wanted);
        JsonObject o = new JsonObject();
        o.addProperty("partId", "");
        o.addProperty("mimeType", payload.mimeType());
        o.addProperty("filename", "");
        JsonArray headers = new JsonArray();
        for (MimeHeader h : payload.headers()) {
            if (names.isEmpty() || names.contains(h.name())) headers.add(header(h));
        }
        o.add("headers", headers);
        return o;
    }

    private static JsonObject part(MessagePart p, String messageId, AttachmentIds attachmentIds) {
        JsonObject o = new JsonObject();
        o.addProperty("partId", p.partId());
        o.addProperty("mimeType", p.mimeType());
        o.addProperty("filename", p.filename());
        JsonArray headers = new JsonArray();
        p.headers().forEach(h -> headers.add(header(h)));
        o.add("headers", headers);
        JsonObject body = new JsonObject();
        if (p.attachmentKey().isPresent()) {
            body.addProperty("attachmentId", attachmentIds.issue(messageId, p));
            body.addProperty("size", p.content().length);
        } else if (p.isMultipart()) {
            body.addProperty("size", 0);
        } else {
            body.addProperty("size", p.content().length);
            body.addProperty("data", BASE64URL.encodeToString(p.content()));
        }
        o.add("body", body);
        if (!p.parts().isEmpty()) {
            JsonArray parts = new JsonArray();
            p.parts().forEach(c -> parts.add(part(c, messageId, attachmentIds)));
            o.add("parts", parts);
        }
        return o;
    }

    /** messages.attachments.get: a {@code MessagePartBody} with the decoded size and the base64url data. */
    public static JsonObject attachmentBody(MessagePart p) {
        JsonObject o = new JsonObject();
        o.addProperty("size", p.content().length);
        o.addProperty("data", BASE64URL.encodeToString(p.content()));
        return o;
    }

    static JsonObject thread(String threadId, List<StoredMessage> messages, Format format, List<String> metadataHeaders,
                             AttachmentIds attachmentIds) {
        JsonObject o = new JsonObject();
        o.addProperty("id", threadId);
        o.addProperty("historyId", Long.toString(messages.stream().mapToLong(StoredMessage::historyId).max().orElse(0)));
        JsonArray array = new JsonArray();
        messages.forEach(m -> array.add(message(m, format, metadataHeaders, attachmentIds)));
        o.add("messages", array);
        return o;
    }

    public static JsonObject threadListItem(StoredMessage latest, long historyId) {
        JsonObject o = new JsonObject();
        o.addProperty("id", latest.threadId());
        o.addProperty("snippet", latest.snippet());
        o.addProperty("historyId", Long.toString(historyId));
        return o;
    }

    public static JsonObject label(GmailLabelRecord l, boolean withCounts, List<StoredMessage> messages) {
        JsonObject o = new JsonObject();
        o.addProperty("id", l.id());
        o.addProperty("name", l.name());
        if (!l.system()) {
            o.addProperty("messageListVisibility", "show");
            o.addProperty("labelListVisibility", "labelShow");
        }
        o.addProperty("type", l.system() ? "system" : "user");
        if (withCounts) {
            List<StoredMessage> with = messages.stream().filter(m -> m.hasLabel(l.id())).toList();
            o.addProperty("messagesTotal", with.size());
            o.addProperty("messagesUnread", with.stream().filter(m -> m.hasLabel("UNREAD")).count());
            o.addProperty("threadsTotal", with.stream().map(StoredMessage::threadId).distinct().count());
            o.addProperty("threadsUnread", with.stream().filter(m -> m.hasLabel("UNREAD")).map(StoredMessage::threadId).distinct().count());
        }
        l.color().ifPresent(c -> {
            JsonObject color = new JsonObject();
            color.addProperty("textColor", c.textColor());
            color.addProperty("backgroundColor", c.backgroundColor());
            o.add("color", color);
        });
        return o;
    }

    /** The format a {@code format} parameter names, if any. */
    public static Optional<Format> format(String value) {
        return Arrays.stream(Format.values()).filter(f -> f.name().equalsIgnoreCase(value)).findFirst();
    }

    /** {@code ListMessagesResponse}: the {@code messages} key is absent, not empty, when nothing matched. */
    static JsonObject messageList(PageTokens.Page<StoredMessage> page, int matching) {
        JsonObject o = new JsonObject();
        if (!page.items().isEmpty()) {
            JsonArray array = new JsonArray();
            for (StoredMessage msg : page.items()) {
                JsonObject ref = new JsonObject();
                ref.addProperty("id", msg.id());
                ref.addProperty("threadId", msg.threadId());
                array.add(ref);
            }
            o.add("messages", array);
        }
        page.nextToken().ifPresent(t -> o.addProperty("nextPageToken", t));
        o.addProperty("resultSizeEstimate", page.resultSizeEstimate(matching));
        return o;
    }

    /** {@code ListThreadsResponse}; each thread's history id is the highest of its messages'. */
    static JsonObject threadList(PageTokens.Page<StoredMessage> latestOfEach, int matching, Function<String, List<StoredMessage>> thread) {
        JsonObject o = new JsonObject();
        if (!latestOfEach.items().isEmpty()) {
            JsonArray array = new JsonArray();
            for (StoredMessage msg : latestOfEach.items()) {
                long history = thread.apply(msg.threadId()).stream().mapToLong(StoredMessage::historyId).max().orElse(0);
                array.add(threadListItem(msg, history));
            }
            o.add("threads", array);
        }
        latestOfEach.nextToken().ifPresent(t -> o.addProperty("nextPageToken", t));
        o.addProperty("resultSizeEstimate", latestOfEach.resultSizeEstimate(matching));
        return o;
    }

    /** {@code ListLabelsResponse}, without the counts that only labels.get gives. */
    static JsonObject labelList(List<GmailLabelRecord> labels) {
        JsonArray array = new JsonArray();
        labels.forEach(l -> array.add(label(l, false, List.of())));
        JsonObject o = new JsonObject();
        o.add("labels", array);
        return o;
    }

    static JsonObject profile(GmailAccountMailbox mailbox) {
        JsonObject o = new JsonObject();
        o.addProperty("emailAddress", mailbox.email());
        o.addProperty("messagesTotal", mailbox.messages().size());
        o.addProperty("threadsTotal", mailbox.threadIds().size());
        o.addProperty("historyId", Long.toString(mailbox.historyId()));
        return o;
    }

    private static JsonObject header(MimeHeader h) {
        JsonObject o = new JsonObject();
        o.addProperty("name", h.name());
        o.addProperty("value", h.value());
        return o;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
