package dev.gmailserverauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.fake.FakeGoogle;
import dev.gmailserverauth.domain.fake.InMemoryRefreshLock;
import dev.gmailserverauth.domain.model.AuthorizationOutcome;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import dev.gmailserverauth.domain.model.ConsentReason;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.RefreshTokenHash;
import dev.gmailserverauth.domain.model.RefreshTokenPrefix;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.port.CredentialRepository;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A request crosses each layer once, and a consent outcome costs nothing until a browser follows it. */
class OneTripPerRequestTest {
    private final World world = new World();
    private final UserIdentity alice = world.google.addAccount("alice@example.com");

    /** Counts reads of the store it wraps. */
    private static final class CountingCredentials implements CredentialRepository {
        private final CredentialRepository inner;
        private final AtomicInteger reads = new AtomicInteger();

        CountingCredentials(CredentialRepository inner) {
            this.inner = inner;
        }

        @Override
        public void save(StoredCredential credential) {
            inner.save(credential);
        }

        @Override
        public Optional<StoredCredential> findByUserId(UserId userId) {
            reads.incrementAndGet();
            return inner.findByUserId(userId);
        }

        @Override
        public List<StoredCredential> findByRefreshTokenPrefix(RefreshTokenPrefix prefix) {
            return inner.findByRefreshTokenPrefix(prefix);
        }


        @Override

        public List<StoredCredential> findByRefreshTokenHash(RefreshTokenHash hash) {

            return inner.findByRefreshTokenHash(hash);

        }


        @Override

        public List<StoredCredential> findByEmail(EmailAddress email) {

            return inner.findByEmail(email);

        }

        @Override
        public boolean delete(UserId userId) {
            return inner.delete(userId);
        }
    }

    @Test
    void aMessagesPageReadsTheCredentialOnceForTheListTheSidebarAndTheChrome() {
        world.signIn(alice);
        CountingCredentials counting = new CountingCredentials(world.credentials);
        AuthorizedAccess access = new AuthorizedAccess(counting, world.google.authorizationProvider(), new InMemoryRefreshLock(), world.history, world.recorder,
                world.renewalNotice, world.clock);

        MailboxGrant grant = ((AccessOutcome.Granted) access.open(alice.userId())).grant();
        assertThat(world.listMessages.list(grant, new ListMessages.Query(SearchQuery.ALL, Optional.empty(), PageSize.DEFAULT)))
                .isInstanceOf(MailOutcome.Success.class);
        assertThat(world.listLabels.list(grant)).isInstanceOf(MailOutcome.Success.class);
        assertThat(grant.email()).isEqualTo(alice.email());

        assertThat(counting.reads.get()).isEqualTo(1);
    }

    @Test
    void aRevokedTokenIsRefreshedOnceForAllTheUseCasesOfOneRequest() {
        world.signIn(alice);
        MailboxGrant grant = world.grant(alice.userId());
        world.google.expireAccessTokens(alice);

        assertThat(world.listMessages.list(grant, new ListMessages.Query(SearchQuery.ALL, Optional.empty(), PageSize.DEFAULT)))
                .isInstanceOf(MailOutcome.Success.class);
        assertThat(world.listLabels.list(grant)).isInstanceOf(MailOutcome.Success.class);

        assertThat(world.google.refreshCount()).isEqualTo(1);
    }

    @Test
    void consentOutcomesWriteNoPendingAuthorization() {
        world.signIn(alice);
        world.google.revokeGrants(alice);
        world.clock.advance(FakeGoogle.ACCESS_TOKEN_LIFETIME);
        int before = world.pending.size();

        AccessOutcome denied = world.access.open(alice.userId());
        assertThat(denied).isInstanceOf(AccessOutcome.Denied.class);
        AuthorizationOutcome untick = world.signIn(alice, FakeGoogle.withoutGmail());

        assertThat(untick).isInstanceOf(ConsentRequired.class);
        assertThat(((ConsentRequired) untick).reason()).isEqualTo(ConsentReason.INSUFFICIENT_SCOPE);
        assertThat(world.pending.size()).as("the sign-in took its own row and wrote none").isEqualTo(before);
    }
}
