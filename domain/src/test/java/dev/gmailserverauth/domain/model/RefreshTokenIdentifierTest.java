package dev.gmailserverauth.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefreshTokenIdentifierTest {
    /** The worked example of docs/google.md: a refresh token and the two ways token-revoked names it. */
    private static final RefreshToken TOKEN = new RefreshToken("1//0gAbCdEfGhIjKlMnOpQrStUvWxYz-0123456789");
    private static final String HASH = "F/qXPzPxP4YI6TeuieUMmRGARX5fo+IkCZgQIhYbaAQodU5JH80/mvVO5x4JEH8bN2UxGxxMSv0tBQgvR38wmw==";

    @Test
    void theHashIsBase64OfSha512AppliedTwice() {
        assertThat(RefreshTokenHash.of(TOKEN).value()).isEqualTo(HASH);
        assertThat(new RefreshTokenHash(HASH).identifies(TOKEN)).isTrue();
        assertThat(new RefreshTokenHash(HASH).identifies(new RefreshToken(TOKEN.value() + "x"))).isFalse();
    }

    @Test
    void theHashIsReadInEveryBase64Spelling() {
        String urlSafeUnpadded = HASH.replace('+', '-').replace('/', '_').replace("=", "");
        assertThat(new RefreshTokenHash(urlSafeUnpadded)).isEqualTo(new RefreshTokenHash(HASH));
        assertThat(new RefreshTokenHash(HASH.replace("=", ""))).isEqualTo(new RefreshTokenHash(HASH));
    }

    @Test
    void aHashThatIsNotASha512DigestIsRefused() {
        assertThatThrownBy(() -> new RefreshTokenHash("not base64 at all!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefreshTokenHash("AAAA")).hasMessageContaining("64 bytes");
        assertThatThrownBy(() -> new RefreshTokenHash(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPrefixIdentifiesTheTokensItStarts() {
        assertThat(new RefreshTokenPrefix("1//0gAbCdEfGhIjK").identifies(TOKEN)).isTrue();
        assertThat(new RefreshTokenPrefix("1//0gAbCdEfGhIjX").identifies(TOKEN)).isFalse();
    }

    @Test
    void eachIdentifierIsTakenApartByItsKindAndHidesItsValue() {
        RefreshTokenIdentifier prefix = TOKEN.prefix();
        RefreshTokenIdentifier hash = RefreshTokenHash.of(TOKEN);
        assertThat(prefix.<String>fold(p -> "prefix", h -> "hash")).isEqualTo("prefix");
        assertThat(hash.<String>fold(p -> "prefix", h -> "hash")).isEqualTo("hash");
        assertThat(hash.toString()).doesNotContain(HASH.substring(0, 8));
    }

    @Test
    void anAccountSubjectNamesAnIdOrAnEmail() {
        assertThat(AccountSubject.of(new UserId("1")).id()).contains(new UserId("1"));
        assertThatThrownBy(() -> new AccountSubject(Optional.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
