package dev.gmailserverauth.domain.error;

/** A store could not read or write (database down, disk full, a value that fails to decrypt). */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
