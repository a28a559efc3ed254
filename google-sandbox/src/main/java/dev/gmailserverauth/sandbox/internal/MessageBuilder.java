package dev.gmailserverauth.sandbox.internal;

import dev.gmailserverauth.sandbox.SandboxAttachment;
import dev.gmailserverauth.sandbox.SandboxMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Builds the MIME tree and the RFC 2822 bytes of a {@link SandboxMessage}, the way Gmail would store it. */
public final class MessageBuilder {
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);
    private static final String CRLF = "\r\n";
    private static final int SNIPPET_LENGTH = 200;

    private MessageBuilder() {}

    public static StoredMessage build(SandboxMessage message, String id, String threadId, List<String> labelIds, long historyId) {
        List<MimeHeader> top = new ArrayList<>();
        top.add(new MimeHeader("MIME-Version", "1.0"));
        top.add(new MimeHeader("Date", RFC_2822.format(message.date().atZone(ZoneOffset.UTC))));
        top.add(new MimeHeader("Message-ID", "<" + id + "@mail.sandbox.example>"));
        top.add(new MimeHeader("Subject", Rfc2047.encode(message.subject())));
        top.add(new MimeHeader("From", Rfc2047.encodeAddress(message.from())));
        top.add(new MimeHeader("To", Rfc2047.encodeAddress(message.to())));

        MessagePart body = bodyPart(message, id);
        MessagePart payload;
        if (message.attachments().isEmpty()) {
            payload = withPartIds(prepend(top, body), "");
        } else {
            List<MessagePart> children = new ArrayList<>();
            children.add(body);
            int index = 0;
            for (SandboxAttachment a : message.attachments()) children.add(attachmentPart(a, id, index++));
            MessagePart mixed = multipart("mixed", boundary(id, "mx"), top, children);
            payload = withPartIds(mixed, "");
        }
        StringBuilder raw = new StringBuilder();
        writePart(raw, payload);
        byte[] rawBytes = raw.toString().getBytes(StandardCharsets.UTF_8);
        String text = message.textBody();
        return new StoredMessage(id, threadId, labelIds, message.date(), historyId, payload, rawBytes, snippet(text), text);
    }

    private static MessagePart bodyPart(SandboxMessage message, String id) {
        MessagePart text = leaf("text/plain", message.textBody());
        if (message.htmlBody().isEmpty()) return text;
        MessagePart html = leaf("text/html", message.htmlBody().get());
        return multipart("alternative", boundary(id, "al"), List.of(), List.of(text, html));
    }

    private static MessagePart leaf(String mimeType, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String encoding = Rfc2047.isAscii(content) ? "7bit" : "base64";
        List<MimeHeader> headers = List.of(
                new MimeHeader("Content-Type", mimeType + "; charset=\"UTF-8\""),
                new MimeHeader("Content-Transfer-Encoding", encoding));
        return new MessagePart("", mimeType, "", headers, bytes, Optional.empty(), List.of());
    }

    private static MessagePart attachmentPart(SandboxAttachment a, String messageId, int index) {
        List<MimeHeader> headers = List.of(
                new MimeHeader("Content-Type", a.mimeType() + "; name=\"" + a.filename() + "\""),
                new MimeHeader("Content-Disposition", "attachment; filename=\"" + a.filename() + "\""),
                new MimeHeader("Content-Transfer-Encoding", "base64"),
                new MimeHeader("X-Attachment-Id", "f_" + messageId.substring(8) + index));
        return new MessagePart("", a.mimeType(), a.filename(), headers, a.content(),
                Optional.of(attachmentId(messageId, index)), List.of());
    }

    private static MessagePart multipart(String subtype, String boundary, List<MimeHeader> leading, List<MessagePart> children) {
        List<MimeHeader> headers = new ArrayList<>(leading);
        headers.add(new MimeHeader("Content-Type", "multipart/" + subtype + "; boundary=\"" + boundary + "\""));
        return new MessagePart("", "multipart/" + subtype, "", headers, new byte[0], Optional.empty(), children);
    }

    private static MessagePart prepend(List<MimeHeader> leading, MessagePart part) {
        List<MimeHeader> headers = new ArrayList<>(leading);
        headers.addAll(part.headers());
        return new MessagePart(part.partId(), part.mimeType(), part.filename(), headers, part.content(), part.attachmentId(), part.parts());
    }

    /** Gmail numbers parts "" (top), "0", "1", then "0.0", "0.1" below. */
    private static MessagePart withPartIds(MessagePart part, String partId) {
        List<MessagePart> children = new ArrayList<>();
        for (int i = 0; i < part.parts().size(); i++) {
            children.add(withPartIds(part.parts().get(i), partId.isEmpty() ? String.valueOf(i) : partId + "." + i));
        }
        return new MessagePart(partId, part.mimeType(), part.filename(), part.headers(), part.content(), part.attachmentId(), children);
    }

    private static void writePart(StringBuilder out, MessagePart part) {
        for (MimeHeader h : part.headers()) out.append(h.name()).append(": ").append(h.wireValue()).append(CRLF);
        out.append(CRLF);
        if (part.isMultipart()) {
            String boundary = boundaryOf(part);
            for (MessagePart child : part.parts()) {
                out.append("--").append(boundary).append(CRLF);
                writePart(out, child);
                out.append(CRLF);
            }
            out.append("--").append(boundary).append("--").append(CRLF);
        } else if (isBase64(part)) {
            out.append(Base64.getMimeEncoder(76, CRLF.getBytes(StandardCharsets.US_ASCII)).encodeToString(part.content())).append(CRLF);
        } else {
            out.append(new String(part.content(), StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", CRLF)).append(CRLF);
        }
    }

    private static boolean isBase64(MessagePart part) {
        return part.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase("Content-Transfer-Encoding") && h.wireValue().equals("base64"));
    }

    private static String boundaryOf(MessagePart part) {
        String contentType = part.headers().stream().filter(h -> h.name().equalsIgnoreCase("Content-Type"))
                .map(MimeHeader::wireValue).findFirst().orElseThrow();
        int start = contentType.indexOf("boundary=\"") + "boundary=\"".length();
        return contentType.substring(start, contentType.indexOf('"', start));
    }

    private static String boundary(String messageId, String kind) {
        return "000000000000" + messageId + kind;
    }

    private static String attachmentId(String messageId, int index) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((messageId + "/" + index).getBytes(StandardCharsets.UTF_8));
            return "ANGjdJ" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    /** Plain-text excerpt with HTML entities escaped, as Gmail's snippets are. */
    static String snippet(String text) {
        String collapsed = text.replaceAll("\\s+", " ").trim();
        if (collapsed.length() > SNIPPET_LENGTH) collapsed = collapsed.substring(0, SNIPPET_LENGTH);
        return collapsed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
