package dev.gmailserverauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.AuthorizationOutcome;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.WorkspaceRefused;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.model.WorkspaceDomain;
import org.junit.jupiter.api.Test;

/**
 * The kind of a sign-in is fixed when it starts: one started as a Workspace sign-in never stores a credential, even
 * when the grant that comes back could read Gmail, and is refused when Google does not vouch for the address.
 */
class WorkspaceSignInUseCaseTest {
    private final World world = new World();
    private final UserIdentity ben = world.google.addAccount("ben@northwind.example");

    @Test
    void aWorkspaceSignInStoresNothingEvenWhenTheGrantCouldReadGmail() {
        AuthorizationUrl url = world.begin.beginWorkspace(new WorkspaceDomain("northwind.example"), world.browser.binding())
                .fold(BeginAuthorization.Start.Started::url, busy -> {
                    throw new AssertionError("refused: " + busy);
                });

        AuthorizationOutcome outcome = world.signInAt(url, ben, Scopes.REQUESTED);

        // The fake identifies without vouching for the address: refused before anything else is looked at.
        assertThat(outcome).isInstanceOfSatisfying(WorkspaceRefused.class,
                refused -> assertThat(refused.reason()).contains("has not verified the address ben@northwind.example"));
        assertThat(world.credentials.findByUserId(ben.userId())).isEmpty();
        assertThat(world.links.find(ben.userId())).isEmpty();
        assertThat(world.pending.countCreatedSince(world.clock.instant().minusSeconds(3600))).isZero();
    }

    @Test
    void theSameAccountThroughTheConsentSignInIsStoredAsBefore() {
        assertThat(world.signIn(ben)).isInstanceOf(AuthorizationOutcome.Authorized.class);
        assertThat(world.credentials.findByUserId(ben.userId())).isPresent();
    }
}
