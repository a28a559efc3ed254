package dev.gmailserverauth.sandbox.internal.gmail;

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
final class MessageBuilder {
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);
    private static final String CRLF = "\r\n";
    private static final int SNIPPET_LENGTH = 200;

    private MessageBuilder() {}

    /** Message-ID header value of a sandbox message, e.g. {@code <18f2c1a2b3c4d5e6@mail.sandbox.example>}. */
    public static String messageIdHeader(String id) {
        return "<" + id + "@mail.sandbox.example>";
    }

    /**
     * Builds the stored message.
     *
     * @param references the Message-IDs of the thread's earlier messages, oldest first (a reply's
     *        {@code References}; the last is its {@code In-Reply-To}); empty for a new thread
     */
    public static StoredMessage build(SandboxMessage message, String id, String threadId, List<String> labelIds, long historyId,
                                      List<String> references) {
        List<MimeHeader> top = new ArrayList<>();
        top.add(new MimeHeader("MIME-Version", "1.0"));
        top.add(new MimeHeader("Date", RFC_2822.format(message.date().atZone(ZoneOffset.UTC))));
        top.add(new MimeHeader("Message-ID", messageIdHeader(id)));
        if (!references.isEmpty()) {
            top.add(new MimeHeader("In-Reply-To", references.get(references.size() - 1)));
            top.add(new MimeHeader("References", String.join(" ", references)));
        }
        top.add(new MimeHeader("Subject", Rfc2047.encode(message.subject())));
        top.add(new MimeHeader("From", Rfc2047.encodeAddress(message.from())));
        top.add(new MimeHeader("To", Rfc2047.encodeAddress(message.to())));

        List<SandboxAttachment> inline = message.attachments().stream().filter(SandboxAttachment::isInline).toList();
        List<SandboxAttachment> downloads = message.attachments().stream().filter(a -> !a.isInline()).toList();
        int index = 0;
        MessagePart body = bodyPart(message, id);
        if (!inline.isEmpty()) {
            List<MessagePart> related = new ArrayList<>(List.of(body));
            for (SandboxAttachment a : inline) related.add(attachmentPart(a, id, index++));
            body = multipart("related", boundary(id, "rl"), List.of(), related);
        }
        MessagePart root;
        if (downloads.isEmpty()) {
            root = prepend(top, body);
        } else {
            List<MessagePart> mixed = new ArrayList<>(List.of(body));
            for (SandboxAttachment a : downloads) mixed.add(attachmentPart(a, id, index++));
            root = multipart("mixed", boundary(id, "mx"), top, mixed);
        }
        MessagePart payload = withPartIds(root, "");
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

    /**
     * An attachment as Gmail stores one: {@code Content-Type} with {@code name}, {@code Content-Disposition}
     * ({@code attachment}, or {@code inline} with a {@code Content-ID}), base64 transfer encoding,
     * {@code X-Attachment-Id}. A non-ASCII name is RFC 2047 in {@code name} and RFC 2231 in {@code filename*}.
     */
    private static MessagePart attachmentPart(SandboxAttachment a, String messageId, int index) {
        String name = a.filename();
        String disposition = a.isInline() ? "inline" : "attachment";
        boolean ascii = Rfc2047.isAscii(name);
        String nameParam = ascii ? quoted(name) : Rfc2047.encode(name).replace("\r\n ", " ");
        String filenameParam = ascii ? "filename=\"" + quoted(name) + "\"" : "filename*=UTF-8''" + rfc2231(name);
        List<MimeHeader> headers = new ArrayList<>();
        headers.add(new MimeHeader("Content-Type", a.mimeType() + "; name=\"" + nameParam + "\""));
        headers.add(new MimeHeader("Content-Disposition", disposition + "; " + filenameParam));
        headers.add(new MimeHeader("Content-Transfer-Encoding", "base64"));
        a.contentId().ifPresent(cid -> headers.add(new MimeHeader("Content-ID", "<" + cid + ">")));
        headers.add(new MimeHeader("X-Attachment-Id", a.contentId().map(cid -> cid.substring(0, cid.indexOf('@')))
                .orElse("f_" + messageId.substring(8) + index)));
        return new MessagePart("", a.mimeType(), name, headers, a.content(), Optional.of(attachmentKey(messageId, index)), List.of());
    }

    /** Backslash and quote escaped for a quoted-string parameter value. */
    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** RFC 2231 {@code ext-value} characters: attribute-chars as they are, every other UTF-8 byte as %XX. */
    static String rfc2231(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (plain) out.append((char) c);
            else out.append('%').append(String.format("%02X", c));
        }
        return out.toString();
    }

    private static MessagePart multipart(String subtype, String boundary, List<MimeHeader> leading, List<MessagePart> children) {
        List<MimeHeader> headers = new ArrayList<>(leading);
        headers.add(new MimeHeader("Content-Type", "multipart/" + subtype + "; boundary=\"" + boundary + "\""));
        return new MessagePart("", "multipart/" + subtype, "", headers, new byte[0], Optional.empty(), children);
    }

    private static MessagePart prepend(List<MimeHeader> leading, MessagePart part) {
        List<MimeHeader> headers = new ArrayList<>(leading);
        headers.addAll(part.headers());
        return new MessagePart(part.partId(), part.mimeType(), part.filename(), headers, part.content(), part.attachmentKey(), part.parts());
    }

    /** Gmail numbers parts "" (top), "0", "1", then "0.0", "0.1" below. */
    private static MessagePart withPartIds(MessagePart part, String partId) {
        List<MessagePart> children = new ArrayList<>();
        for (int i = 0; i < part.parts().size(); i++) {
            children.add(withPartIds(part.parts().get(i), partId.isEmpty() ? String.valueOf(i) : partId + "." + i));
        }
        return new MessagePart(partId, part.mimeType(), part.filename(), part.headers(), part.content(), part.attachmentKey(), children);
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

    private static String attachmentKey(String messageId, int index) {
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
