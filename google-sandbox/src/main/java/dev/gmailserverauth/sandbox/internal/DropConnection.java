package dev.gmailserverauth.sandbox.internal;

/** Thrown by a handler to make the server close the connection without answering. */
public final class DropConnection extends RuntimeException {
    public DropConnection() {
        super("connection dropped by injected fault", null, false, false);
    }
}
