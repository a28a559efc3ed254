package dev.gmailserverauth.google.risc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.domain.model.AccountSubject;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.RefreshTokenPrefix;
import dev.gmailserverauth.domain.model.SecurityEvent;
import dev.gmailserverauth.domain.model.UserId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code events} claim read into domain events, one subject shape at a time (the sandbox's shapes are tested over HTTP). */
class SecurityEventClaimsTest {
    private static final String ISS = "https://accounts.google.com/";

    private static SecurityEvent only(String type, Map<String, Object> subject) throws SecurityEventClaims.MalformedEvent {
        return SecurityEventClaims.events(Map.of(type, Map.of("subject", subject))).get(0);
    }

    @Test
    void issSubIsReadInGooglesSpellingAndRfc9493s() throws Exception {
        for (String spelling : new String[] {"iss-sub", "iss_sub"}) {
            assertThat(only(SecurityEvent.SessionsRevoked.TYPE, Map.of("subject_type", spelling, "iss", ISS, "sub", "42")))
                    .isEqualTo(new SecurityEvent.SessionsRevoked(new UserId("42")));
        }
    }

    @Test
    void idTokenClaimsMayCarryASubAnEmailOrBoth() throws Exception {
        assertThat(only(SecurityEvent.TokensRevoked.TYPE, Map.of("subject_type", "id_token_claims", "iss", ISS, "sub", "42",
                "email", "alice@example.com"))).isEqualTo(new SecurityEvent.TokensRevoked(
                new AccountSubject(Optional.of(new UserId("42")), Optional.of(new EmailAddress("alice@example.com")))));
        assertThat(only(SecurityEvent.TokensRevoked.TYPE, Map.of("subject_type", "id_token_claims", "email", "alice@example.com")))
                .isEqualTo(new SecurityEvent.TokensRevoked(new AccountSubject(Optional.empty(), Optional.of(new EmailAddress("alice@example.com")))));
        assertThatThrownBy(() -> only(SecurityEvent.TokensRevoked.TYPE, Map.of("subject_type", "id_token_claims", "iss", ISS)))
                .hasMessageContaining("neither sub nor email");
        assertThatThrownBy(() -> only(SecurityEvent.TokensRevoked.TYPE, Map.of("subject_type", "id_token_claims", "email", "not-an-email")))
                .isInstanceOf(SecurityEventClaims.MalformedEvent.class);
    }

    @Test
    void anotherSubjectTypeIsMalformed() {
        assertThatThrownBy(() -> only(SecurityEvent.SessionsRevoked.TYPE, Map.of("subject_type", "phone_number", "phone_number", "+1")))
                .hasMessageContaining("expected iss-sub or id_token_claims");
    }

    @Test
    void aRevokedTokenIsNamedByPrefixOrByHashAndNothingElse() throws Exception {
        assertThat(only(SecurityEvent.TokenRevoked.TYPE, Map.of("subject_type", "oauth_token", "token_type", "refresh_token",
                "token_identifier_alg", "prefix", "token", "1//0gAbCdEfGhIjK")))
                .isEqualTo(new SecurityEvent.TokenRevoked(new RefreshTokenPrefix("1//0gAbCdEfGhIjK")));
        assertThatThrownBy(() -> only(SecurityEvent.TokenRevoked.TYPE, Map.of("subject_type", "oauth_token", "token_type", "refresh_token",
                "token_identifier_alg", "hash_base64_sha512_sha512", "token", "too-short"))).hasMessageContaining("malformed");
        assertThatThrownBy(() -> only(SecurityEvent.TokenRevoked.TYPE, Map.of("subject_type", "oauth_token", "token_type", "refresh_token",
                "token_identifier_alg", "hash_sha256", "token", "abc"))).hasMessageContaining("expected prefix or hash_base64_sha512_sha512");
    }
}
