package dev.gmailserverauth.sandbox.internal.batch;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * Splits a {@code multipart/mixed} body into parts with Jetty's generic multipart parser (already on the
 * classpath through Javalin); the JDK has none.
 */
final class MultipartMixed {
    /** One part: its headers (case-insensitive) and raw content. */
    public record Part(Map<String, String> headers, byte[] content) {
        public Part {
            var h = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
            h.putAll(headers);
            headers = java.util.Collections.unmodifiableMap(h);
            content = content.clone();
        }
    }

    /** The body could not be split. */
    public static final class MalformedMultipart extends Exception {
        public MalformedMultipart(String message) {
            super(message);
        }
    }

    private MultipartMixed() {}

    public static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) return Optional.empty();
        return Optional.ofNullable(MultiPart.extractBoundary(contentType)).filter(b -> !b.isEmpty());
    }

    public static List<Part> parse(String boundary, byte[] body, int maxParts) throws MalformedMultipart {
        List<Part> parts = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        boolean[] complete = new boolean[1];
        MultiPart.Parser parser = new MultiPart.Parser(boundary, new MultiPart.Parser.Listener() {
            private Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            private ByteArrayOutputStream content = new ByteArrayOutputStream();

            @Override public void onPartBegin() {
                headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                content = new ByteArrayOutputStream();
            }

            @Override public void onPartHeader(String name, String value) {
                headers.put(name, value);
            }

            @Override public void onPartContent(Content.Chunk chunk) {
                ByteBuffer buffer = chunk.getByteBuffer().slice();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                content.writeBytes(bytes);
                chunk.release();
            }

            @Override public void onPartEnd() {
                parts.add(new Part(headers, content.toByteArray()));
            }

            @Override public void onComplete() {
                complete[0] = true;
            }

            @Override public void onFailure(Throwable t) {
                failure[0] = t;
            }
        });
        parser.setMaxParts(maxParts);
        parser.parse(Content.Chunk.from(ByteBuffer.wrap(body), true));
        if (failure[0] != null) throw new MalformedMultipart("Malformed multipart body: " + failure[0].getMessage());
        if (!complete[0]) throw new MalformedMultipart("Malformed multipart body: no closing boundary");
        return parts;
    }
}
