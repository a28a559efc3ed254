package dev.gmailserverauth.domain.error;

/**
 * The provider rejected this application itself ({@code invalid_client}, {@code redirect_uri_mismatch}):
 * no user can fix that, an operator must.
 */
public class ProviderConfigurationException extends RuntimeException {
    public ProviderConfigurationException(String message) {
        super(message);
    }
}
