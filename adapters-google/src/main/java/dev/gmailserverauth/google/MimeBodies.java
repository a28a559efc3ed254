package dev.gmailserverauth.google;

import com.google.api.client.http.HttpMediaType;
import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartHeader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The readable bodies of a {@code format=full} message: walks Gmail's parsed MIME tree, skips
 * attachments, and decodes the first {@code text/plain} and the first {@code text/html} part from
 * base64url with the charset of the part's {@code Content-Type} (UTF-8 when absent or unknown).
 */
record MimeBodies(Optional<String> text, Optional<String> html) {

    static MimeBodies of(MessagePart payload) {
        Walk walk = new Walk();
        if (payload != null) walk.visit(payload);
        return new MimeBodies(Optional.ofNullable(walk.text), Optional.ofNullable(walk.html));
    }

    private static final class Walk {
        private String text;
        private String html;

        void visit(MessagePart part) {
            String mime = part.getMimeType() == null ? "" : part.getMimeType().toLowerCase(Locale.ROOT);
            if (part.getParts() != null) part.getParts().forEach(this::visit);
            if (isAttachment(part) || part.getBody() == null || part.getBody().getData() == null) return;
            if (text == null && mime.equals("text/plain")) text = decode(part);
            else if (html == null && mime.equals("text/html")) html = decode(part);
        }
    }

    private static boolean isAttachment(MessagePart part) {
        if (part.getFilename() != null && !part.getFilename().isEmpty()) return true;
        return header(part.getHeaders(), "Content-Disposition")
                .map(d -> d.trim().toLowerCase(Locale.ROOT).startsWith("attachment"))
                .orElse(false);
    }

    private static String decode(MessagePart part) {
        return new String(part.getBody().decodeData(), charset(part));
    }

    static Charset charset(MessagePart part) {
        return header(part.getHeaders(), "Content-Type").flatMap(MimeBodies::charsetOf).orElse(StandardCharsets.UTF_8);
    }

    private static Optional<Charset> charsetOf(String contentType) {
        try {
            return Optional.ofNullable(new HttpMediaType(contentType).getCharsetParameter());
        } catch (IllegalArgumentException unknownOrMalformed) {
            return Optional.empty();
        }
    }

    static Optional<String> header(List<MessagePartHeader> headers, String name) {
        if (headers == null) return Optional.empty();
        return headers.stream()
                .filter(h -> h.getName() != null && h.getName().equalsIgnoreCase(name) && h.getValue() != null)
                .map(MessagePartHeader::getValue)
                .findFirst();
    }
}
