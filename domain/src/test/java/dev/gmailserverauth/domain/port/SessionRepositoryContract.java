package dev.gmailserverauth.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.SessionToken;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.WebSession;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link SessionRepository} must do. */
public abstract class SessionRepositoryContract {
    protected static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    protected abstract SessionRepository repository();

    private static WebSession session(String user, Instant expiresAt) {
        return session(new PersonId("person-" + user), user, expiresAt);
    }

    private static WebSession session(PersonId person, String account, Instant expiresAt) {
        return new WebSession(SessionToken.random().hash(), person, new UserId(account), NOW, NOW, expiresAt);
    }

    @Test
    void findsASavedSessionByItsKey() {
        SessionRepository repository = repository();
        WebSession session = session("111", NOW.plus(Duration.ofDays(1)));
        repository.save(session);
        assertThat(repository.find(session.key())).contains(session);
    }

    @Test
    void savingAgainUpdatesLastSeen() {
        SessionRepository repository = repository();
        WebSession session = session("111", NOW.plus(Duration.ofDays(1)));
        repository.save(session);
        WebSession touched = new WebSession(session.key(), session.person(), session.userId(), session.createdAt(), NOW.plusSeconds(30), session.expiresAt().plusSeconds(30));
        repository.save(touched);
        assertThat(repository.find(session.key())).contains(touched);
    }

    @Test
    void deleteEndsOneSession() {
        SessionRepository repository = repository();
        WebSession session = session("111", NOW.plus(Duration.ofDays(1)));
        repository.save(session);
        repository.delete(session.key());
        assertThat(repository.find(session.key())).isEmpty();
    }

    @Test
    void deleteAllOfEndsEverySessionOfThatPersonWhicheverAccountTheySignedInWith() {
        SessionRepository repository = repository();
        PersonId alice = new PersonId("alice");
        WebSession first = session(alice, "111", NOW.plus(Duration.ofDays(1)));
        WebSession second = session(alice, "112", NOW.plus(Duration.ofDays(1)));
        WebSession other = session(new PersonId("bob"), "222", NOW.plus(Duration.ofDays(1)));
        repository.save(first);
        repository.save(second);
        repository.save(other);
        assertThat(repository.deleteAllOf(alice)).isEqualTo(2);
        assertThat(repository.find(first.key())).isEmpty();
        assertThat(repository.find(second.key())).isEmpty();
        assertThat(repository.find(other.key())).contains(other);
    }

    @Test
    void purgeRemovesOnlyExpiredSessions() {
        SessionRepository repository = repository();
        WebSession expired = session("111", NOW.plusSeconds(10));
        WebSession live = session("222", NOW.plus(Duration.ofDays(1)));
        repository.save(expired);
        repository.save(live);
        assertThat(repository.purgeExpired(NOW.plusSeconds(60))).isEqualTo(1);
        assertThat(repository.find(expired.key())).isEmpty();
        assertThat(repository.find(live.key())).contains(live);
    }
}
