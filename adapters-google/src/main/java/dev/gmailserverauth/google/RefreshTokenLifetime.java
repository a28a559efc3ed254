package dev.gmailserverauth.google;

import com.google.api.client.auth.oauth2.TokenResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code refresh_token_expires_in} (seconds) from a token response: Google sends it for a
 * time-limited grant and for every grant of a client in "Testing" status (observed: {@code 604799}).
 * google-oauth-client's {@link TokenResponse} has no field for it; it is a {@code GenericJson}, so the
 * key is read as an unknown key, a JSON number (or, defensively, a numeric string).
 */
final class RefreshTokenLifetime {
    static final String KEY = "refresh_token_expires_in";
    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenLifetime.class);

    private RefreshTokenLifetime() {
    }

    static Optional<Duration> of(TokenResponse response) {
        Object value = response.get(KEY);
        if (value == null) return Optional.empty();
        try {
            BigDecimal seconds = value instanceof Number number ? new BigDecimal(number.toString()) : new BigDecimal(value.toString().trim());
            if (seconds.signum() < 0) throw new NumberFormatException("negative");
            return Optional.of(Duration.ofSeconds(seconds.setScale(0, RoundingMode.FLOOR).longValueExact()));
        } catch (NumberFormatException | ArithmeticException e) {
            // The grant still works; only its announced end is unknown. Do not fail the sign-in over it.
            LOG.warn("ignoring an unreadable {} in the token response: {}", KEY, value);
            return Optional.empty();
        }
    }
}
