package dev.gmailserverauth.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.SessionToken;
import org.junit.jupiter.api.Test;

class CsrfTest {
    @Test
    void tokenIsStablePerSessionAndDiffersBetweenSessions() {
        SessionToken one = SessionToken.random();
        SessionToken two = SessionToken.random();
        assertThat(Csrf.tokenFor(one)).isEqualTo(Csrf.tokenFor(one)).isNotEqualTo(Csrf.tokenFor(two));
        assertThat(Csrf.matches(one, Csrf.tokenFor(one))).isTrue();
        assertThat(Csrf.matches(one, Csrf.tokenFor(two))).isFalse();
        assertThat(Csrf.matches(one, "")).isFalse();
    }

    @Test
    void tokenRevealsNeitherTheSessionTokenNorItsStoredHash() {
        SessionToken session = SessionToken.random();
        assertThat(Csrf.tokenFor(session)).doesNotContain(session.value()).isNotEqualTo(session.hash().value());
    }
}
