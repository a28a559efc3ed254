package dev.gmailserverauth.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.SignInHold;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link SignInHolds} must do. */
public abstract class SignInHoldsContract {
    protected static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final UserId ALICE = new UserId("111");

    /** A store with no holds. */
    protected abstract SignInHolds holds();

    @Test
    void nobodyIsHeldAtFirst() {
        assertThat(holds().find(ALICE)).isEmpty();
    }

    @Test
    void findsAHoldWithEveryField() {
        SignInHolds holds = holds();
        SignInHold hold = new SignInHold(ALICE, "hijacking", NOW);
        holds.hold(hold);
        assertThat(holds.find(ALICE)).contains(hold);
        assertThat(holds.find(new UserId("222"))).isEmpty();
    }

    @Test
    void holdingAgainReplacesTheHold() {
        SignInHolds holds = holds();
        holds.hold(new SignInHold(ALICE, "hijacking", NOW));
        SignInHold later = new SignInHold(ALICE, "hijacking (again)", NOW.plusSeconds(60));
        holds.hold(later);
        assertThat(holds.find(ALICE)).contains(later);
    }

    @Test
    void releaseLiftsTheHoldAndSaysWhetherThereWasOne() {
        SignInHolds holds = holds();
        holds.hold(new SignInHold(ALICE, "hijacking", NOW));
        assertThat(holds.release(ALICE)).isTrue();
        assertThat(holds.find(ALICE)).isEmpty();
        assertThat(holds.release(ALICE)).isFalse();
    }
}
