package dev.gmailserverauth.persistence;

/**
 * The store cannot start as configured: a bad JDBC URL, an unwritable path, a wrong or missing
 * encryption key, a database with a newer schema than this application knows. Its message names the
 * problem for an operator, and never contains a key, a password or a token.
 */
public class PersistenceConfigurationException extends RuntimeException {
    public PersistenceConfigurationException(String message) {
        super(message);
    }

    public PersistenceConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
