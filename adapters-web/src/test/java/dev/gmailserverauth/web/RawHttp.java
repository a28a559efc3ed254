package dev.gmailserverauth.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request byte for byte over a socket, for what well-behaved clients refuse to send: broken
 * percent escapes, raw bytes, odd methods, oversized lines.
 */
final class RawHttp {
    private RawHttp() {
    }

    record Reply(int status, String text) {
    }

    static Reply send(int port, String method, String target, String extraHeaders, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String head = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + extraHeaders
                    + (body.length > 0 ? "Content-Length: " + body.length + "\r\n" : "") + "\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String text = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            return new Reply(status(text), text);
        } catch (IOException e) {
            throw new IllegalStateException("request " + method + " " + target + " failed", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) all.write(buffer, 0, n);
        return all.toByteArray();
    }

    private static int status(String text) {
        if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) throw new AssertionError("not an HTTP response: " + text);
        return Integer.parseInt(text.substring(9, 12));
    }
}
