package dev.gmailserverauth.domain.port;

import static dev.gmailserverauth.domain.fake.Fixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.PendingAuthorization;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.WorkspaceDomain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link PendingAuthorizationStore} must do. */
public abstract class PendingAuthorizationStoreContract {
    protected static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** A store with nothing in it. */
    protected abstract PendingAuthorizationStore store();

    @Test
    void takeReturnsWhatWasPut() {
        PendingAuthorizationStore store = store();
        PendingAuthorization pending = pending(NOW);
        store.put(pending);
        assertThat(store.take(pending.state())).contains(pending);
    }

    @Test
    void keepsThePersonALinkIsFor() {
        PendingAuthorizationStore store = store();
        PendingAuthorization plain = pending(NOW);
        PendingAuthorization link = new PendingAuthorization(AuthorizationState.random(), plain.verifier(), plain.redirectUri(), Optional.empty(),
                plain.browser(), plain.createdAt(), Optional.of(new PersonId("person-1")));
        store.put(link);
        assertThat(store.take(link.state())).contains(link);
    }

    @Test
    void keepsTheDomainAWorkspaceSignInIsFor() {
        PendingAuthorizationStore store = store();
        PendingAuthorization plain = pending(NOW);
        PendingAuthorization workspace = new PendingAuthorization(AuthorizationState.random(), plain.verifier(), plain.redirectUri(),
                Optional.empty(), plain.browser(), plain.createdAt(), Optional.empty(), Optional.of(new WorkspaceDomain("Northwind.Example")));
        store.put(workspace);
        store.put(plain);
        assertThat(store.take(workspace.state())).contains(workspace)
                .hasValueSatisfying(taken -> assertThat(taken.workspace()).contains(new WorkspaceDomain("northwind.example")));
        assertThat(store.take(plain.state())).hasValueSatisfying(taken -> assertThat(taken.workspace()).isEmpty());
    }

    @Test
    void aStateCanBeTakenOnlyOnce() {
        PendingAuthorizationStore store = store();
        PendingAuthorization pending = pending(NOW);
        store.put(pending);
        store.take(pending.state());
        assertThat(store.take(pending.state())).isEmpty();
    }

    @Test
    void anUnknownStateGivesNothing() {
        assertThat(store().take(AuthorizationState.random())).isEmpty();
    }

    @Test
    void purgeDeletesOnlyEntriesCreatedBeforeTheCutoff() {
        PendingAuthorizationStore store = store();
        PendingAuthorization old = pending(NOW.minusSeconds(3600));
        PendingAuthorization fresh = pending(NOW);
        store.put(old);
        store.put(fresh);
        assertThat(store.purgeCreatedBefore(NOW.minusSeconds(600))).isEqualTo(1);
        assertThat(store.take(old.state())).isEmpty();
        assertThat(store.take(fresh.state())).contains(fresh);
    }

    @Test
    void countsTheEntriesCreatedSinceAnInstant() {
        PendingAuthorizationStore store = store();
        store.put(pending(NOW.minusSeconds(3600)));
        store.put(pending(NOW.minusSeconds(60)));
        PendingAuthorization newest = pending(NOW);
        store.put(newest);
        assertThat(store.countCreatedSince(NOW.minusSeconds(600))).isEqualTo(2);
        assertThat(store.countCreatedSince(NOW)).isEqualTo(1);
        store.take(newest.state());
        assertThat(store.countCreatedSince(NOW.minusSeconds(600))).isEqualTo(1);
    }

    @Test
    void keepsTheBrowserBindingOfEachEntry() {
        PendingAuthorizationStore store = store();
        PendingAuthorization first = pending(NOW);
        PendingAuthorization second = pending(NOW);
        store.put(first);
        store.put(second);
        assertThat(store.take(first.state()).orElseThrow().browser()).isEqualTo(first.browser()).isNotEqualTo(second.browser());
    }

    @Test
    void fiftyConcurrentTakersOfOneStateHaveExactlyOneWinner() throws Exception {
        PendingAuthorizationStore store = store();
        PendingAuthorization pending = pending(NOW);
        store.put(pending);
        int callers = 50;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<PendingAuthorization>>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store.take(pending.state());
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Optional<PendingAuthorization>> result : results) {
                if (result.get().isPresent()) winners++;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
