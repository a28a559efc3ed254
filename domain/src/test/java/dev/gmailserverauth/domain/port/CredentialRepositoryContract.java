package dev.gmailserverauth.domain.port;

import static dev.gmailserverauth.domain.fake.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.ExpiringAccessToken;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.RefreshToken;
import dev.gmailserverauth.domain.model.RefreshTokenHash;
import dev.gmailserverauth.domain.model.RefreshTokenPrefix;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link CredentialRepository} must do. Adapters extend this class and supply a fresh store. */
public abstract class CredentialRepositoryContract {
    protected static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** A repository over an empty store. */
    protected abstract CredentialRepository repository();

    @Test
    void findsNothingForAnUnknownUser() {
        assertThat(repository().findByUserId(new UserId("nobody"))).isEmpty();
    }

    @Test
    void returnsWhatWasSavedWithEveryField() {
        CredentialRepository repository = repository();
        StoredCredential saved = credential("111", NOW);
        repository.save(saved);
        assertThat(repository.findByUserId(saved.userId())).contains(saved);
    }

    @Test
    void savingAgainReplacesTheStoredCredential() {
        CredentialRepository repository = repository();
        StoredCredential first = credential("222", NOW);
        repository.save(first);
        StoredCredential second = new StoredCredential(first.userId(), first.email(), new RefreshToken("1//rotated"),
                Optional.of(new ExpiringAccessToken(new AccessToken("ya29.new"), NOW.plusSeconds(7200))),
                first.grantedScopes(), first.createdAt(), NOW.plusSeconds(60));
        repository.save(second);
        assertThat(repository.findByUserId(first.userId())).contains(second);
    }

    @Test
    void keepsACredentialWithoutAccessToken() {
        CredentialRepository repository = repository();
        StoredCredential base = credential("333", NOW);
        StoredCredential withoutAccess = new StoredCredential(base.userId(), base.email(), base.refreshToken(),
                Optional.empty(), base.grantedScopes(), base.createdAt(), base.updatedAt());
        repository.save(withoutAccess);
        assertThat(repository.findByUserId(base.userId())).contains(withoutAccess);
    }

    @Test
    void keepsUsersApart() {
        CredentialRepository repository = repository();
        StoredCredential alice = credential("444", NOW);
        StoredCredential bob = credential("555", NOW);
        repository.save(alice);
        repository.save(bob);
        assertThat(repository.findByUserId(alice.userId())).contains(alice);
        assertThat(repository.findByUserId(bob.userId())).contains(bob);
    }

    @Test
    void deleteForgetsTheUserAndSaysWhetherThereWasOne() {
        CredentialRepository repository = repository();
        StoredCredential saved = credential("666", NOW);
        repository.save(saved);
        assertThat(repository.delete(saved.userId())).isTrue();
        assertThat(repository.findByUserId(saved.userId())).isEmpty();
        assertThat(repository.delete(saved.userId())).isFalse();
    }

    @Test
    void keepsTheRefreshTokensAnnouncedEnd() {
        CredentialRepository repository = repository();
        StoredCredential base = credential("777", NOW);
        StoredCredential timeLimited = withRefreshTokenEnd(base, Optional.of(NOW.plusSeconds(604_799)));
        repository.save(timeLimited);
        assertThat(repository.findByUserId(base.userId())).contains(timeLimited);
        assertThat(repository.findByUserId(base.userId()).orElseThrow().isTimeLimited()).isTrue();
    }

    @Test
    void savingWithoutAnEndClearsTheStoredEnd() {
        CredentialRepository repository = repository();
        StoredCredential base = credential("778", NOW);
        repository.save(withRefreshTokenEnd(base, Optional.of(NOW.plusSeconds(3600))));
        repository.save(base);
        assertThat(repository.findByUserId(base.userId()).orElseThrow().refreshTokenExpiresAt()).isEmpty();
    }

    @Test
    void findsACredentialByItsRefreshTokensPrefix() {
        CredentialRepository repository = repository();
        StoredCredential alice = credential("881", NOW);
        StoredCredential bob = credential("882", NOW);
        repository.save(alice);
        repository.save(bob);
        assertThat(repository.findByRefreshTokenPrefix(alice.refreshToken().prefix())).containsExactly(alice);
        assertThat(repository.findByRefreshTokenPrefix(new RefreshTokenPrefix("1//unknownPrefix"))).isEmpty();
    }

    @Test
    void findsARotatedRefreshTokenByItsNewPrefixOnly() {
        CredentialRepository repository = repository();
        StoredCredential first = credential("883", NOW);
        repository.save(first);
        StoredCredential rotated = new StoredCredential(first.userId(), first.email(), new RefreshToken("1//0rotated-" + first.userId().value()),
                first.accessToken(), first.grantedScopes(), first.createdAt(), NOW.plusSeconds(60));
        repository.save(rotated);
        assertThat(repository.findByRefreshTokenPrefix(first.refreshToken().prefix())).isEmpty();
        assertThat(repository.findByRefreshTokenPrefix(rotated.refreshToken().prefix())).containsExactly(rotated);
    }

    @Test
    void aDeletedCredentialIsNotFoundByPrefix() {
        CredentialRepository repository = repository();
        StoredCredential saved = credential("884", NOW);
        repository.save(saved);
        repository.delete(saved.userId());
        assertThat(repository.findByRefreshTokenPrefix(saved.refreshToken().prefix())).isEmpty();
    }

    @Test
    void findsACredentialByTheDoubleSha512OfItsRefreshTokenOnlyWhileItIsTheStoredOne() {
        CredentialRepository repository = repository();
        StoredCredential alice = credential("885", NOW);
        StoredCredential bob = credential("886", NOW);
        repository.save(alice);
        repository.save(bob);
        assertThat(repository.findByRefreshTokenHash(RefreshTokenHash.of(alice.refreshToken()))).containsExactly(alice);
        assertThat(repository.findByRefreshTokenHash(RefreshTokenHash.of(new RefreshToken("1//0not-a-stored-token")))).isEmpty();
        StoredCredential rotated = new StoredCredential(alice.userId(), alice.email(), new RefreshToken("1//0rotated-" + alice.userId().value()),
                alice.accessToken(), alice.grantedScopes(), alice.createdAt(), NOW.plusSeconds(60));
        repository.save(rotated);
        assertThat(repository.findByRefreshTokenHash(RefreshTokenHash.of(alice.refreshToken()))).isEmpty();
        assertThat(repository.findByRefreshTokenHash(RefreshTokenHash.of(rotated.refreshToken()))).containsExactly(rotated);
        repository.delete(rotated.userId());
        assertThat(repository.findByRefreshTokenHash(RefreshTokenHash.of(rotated.refreshToken()))).isEmpty();
    }

    @Test
    void findsACredentialByTheEmailGoogleReported() {
        CredentialRepository repository = repository();
        StoredCredential alice = credential("887", NOW);
        repository.save(alice);
        repository.save(credential("888", NOW));
        assertThat(repository.findByEmail(alice.email())).containsExactly(alice);
        assertThat(repository.findByEmail(new EmailAddress("nobody@example.com"))).isEmpty();
        repository.delete(alice.userId());
        assertThat(repository.findByEmail(alice.email())).isEmpty();
    }

    private static StoredCredential withRefreshTokenEnd(StoredCredential c, Optional<Instant> end) {
        return new StoredCredential(c.userId(), c.email(), c.refreshToken(), c.accessToken(), c.grantedScopes(), c.createdAt(),
                c.updatedAt(), end);
    }
}
