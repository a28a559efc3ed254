package dev.gmailserverauth.domain.model;

import static dev.gmailserverauth.domain.fake.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredCredentialTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant END = NOW.plusSeconds(604_799);

    private static StoredCredential endingAt(Optional<Instant> end) {
        StoredCredential c = credential("111", NOW);
        return new StoredCredential(c.userId(), c.email(), c.refreshToken(), c.accessToken(), c.grantedScopes(), c.createdAt(), c.updatedAt(), end);
    }

    private static TokenGrant grant(Optional<Instant> end) {
        return new TokenGrant(new ExpiringAccessToken(new AccessToken("ya29.new"), NOW.plusSeconds(3599)), Optional.empty(), Scopes.REQUESTED, end);
    }

    @Test
    void aCredentialWithoutAnnouncedEndNeverExpires() {
        StoredCredential open = endingAt(Optional.empty());
        assertThat(open.isTimeLimited()).isFalse();
        assertThat(open.refreshTokenExpiredAt(NOW.plusSeconds(10 * 365 * 86_400L))).isFalse();
    }

    @Test
    void aTimeLimitedCredentialExpiresAtItsEndExactly() {
        StoredCredential limited = endingAt(Optional.of(END));
        assertThat(limited.isTimeLimited()).isTrue();
        assertThat(limited.refreshTokenExpiredAt(END.minusMillis(1))).isFalse();
        assertThat(limited.refreshTokenExpiredAt(END)).isTrue();
    }

    @Test
    void aRefreshSilentAboutTheEndKeepsTheStoredEnd() {
        assertThat(endingAt(Optional.of(END)).refreshedWith(grant(Optional.empty()), NOW).refreshTokenExpiresAt()).contains(END);
    }

    @Test
    void aRefreshThatAnnouncesAnEndReplacesTheStoredOne() {
        Instant announced = END.minusSeconds(1);
        assertThat(endingAt(Optional.of(END)).refreshedWith(grant(Optional.of(announced)), NOW).refreshTokenExpiresAt()).contains(announced);
        assertThat(endingAt(Optional.empty()).refreshedWith(grant(Optional.of(announced)), NOW).refreshTokenExpiresAt()).contains(announced);
    }

    @Test
    void theRefreshTokenPrefixIsItsFirstSixteenCharactersAndHiddenFromToString() {
        RefreshToken token = new RefreshToken("1//0gAbcdefghijklmnopqrstuvwxyz");
        assertThat(token.prefix().value()).isEqualTo("1//0gAbcdefghijk");
        assertThat(token.startsWith(token.prefix())).isTrue();
        assertThat(new RefreshToken("1//short").prefix().value()).isEqualTo("1//short");
        assertThat(token.prefix().toString()).doesNotContain("Abc");
        assertThat(token.prefix().sha256Hex()).hasSize(64).isEqualTo(new RefreshToken("1//0gAbcdefghijkOTHER").prefix().sha256Hex());
    }

    @Test
    void historyDetailsAreOneShortLine() {
        HistoryEntry entry = HistoryEntry.of(NOW, HistoryEntry.Kind.REFRESH_FAILED, "invalid_grant\n(" + "x".repeat(300) + ")");
        assertThat(entry.detail().orElseThrow()).doesNotContain("\n").hasSize(HistoryEntry.MAX_DETAIL_LENGTH);
        assertThat(HistoryEntry.of(NOW, HistoryEntry.Kind.CONNECTED, "  ").detail()).isEmpty();
    }
}
