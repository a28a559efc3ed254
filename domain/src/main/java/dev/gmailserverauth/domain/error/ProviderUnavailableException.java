package dev.gmailserverauth.domain.error;

/** The provider could not be reached or kept failing (5xx, 429, time-outs) after the allowed retries. */
public class ProviderUnavailableException extends RuntimeException {
    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProviderUnavailableException(String message) {
        super(message);
    }
}
