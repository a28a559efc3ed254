package dev.gmailserverauth.google;

/**
 * The adapter's own configuration is unusable (for example a broken {@code client_secrets.json}).
 * The message names the file and the problem; it never contains the client secret.
 */
public class GoogleConfigurationException extends RuntimeException {
    public GoogleConfigurationException(String message) {
        super(message);
    }

    public GoogleConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
