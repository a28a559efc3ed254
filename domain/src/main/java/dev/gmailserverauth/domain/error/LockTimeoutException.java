package dev.gmailserverauth.domain.error;

/** Another instance held a user's refresh lock for longer than the caller was willing to wait. */
public class LockTimeoutException extends RuntimeException {
    public LockTimeoutException(String message) {
        super(message);
    }
}
