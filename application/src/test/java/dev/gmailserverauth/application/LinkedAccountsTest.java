package dev.gmailserverauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.fake.QueryString;
import dev.gmailserverauth.domain.model.AuthorizationOutcome;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.Authorized;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.LinkRefused;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.Rejected;
import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.BrowserNonce;
import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.SessionToken;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A person with several Google accounts: linking, who signs in, the attacks on linking, disconnecting one. */
class LinkedAccountsTest {
    private final World world = new World();
    private final UserIdentity alice = world.google.addAccount("alice@example.com");
    private final UserIdentity bob = world.google.addAccount("bob@example.com");
    private final UserIdentity mallory = world.google.addAccount("mallory@example.com");

    private PersonId signedIn(UserIdentity account) {
        AuthorizationOutcome outcome = world.signIn(account);
        assertThat(outcome).isInstanceOf(Authorized.class);
        return ((Authorized) outcome).person();
    }

    private AuthorizationUrl startLink(PersonId person) {
        return world.started(BeginAuthorization.Command.link(person, false, world.browser.binding()));
    }

    @Test
    void addingAnAccountShowsGooglesAccountChooserAndLinksTheAccountToThePerson() {
        PersonId person = signedIn(alice);
        AuthorizationUrl url = startLink(person);
        assertThat(QueryString.of(url.value()).get("prompt")).contains("select_account");
        assertThat(QueryString.of(url.value()).get("login_hint")).isEmpty();

        AuthorizationOutcome outcome = world.completeAt(url, bob, Optional.of(person));

        assertThat(outcome).isEqualTo(new Authorized(person, bob.userId(), bob.email(), true));
        assertThat(world.links.accountsOf(person)).extracting(LinkedAccount::account).containsExactly(alice.userId(), bob.userId());
        assertThat(world.credentials.findByUserId(bob.userId())).isPresent();
    }

    @Test
    void aRefreshTokenNeededAddsConsentToTheChooser() {
        PersonId person = signedIn(alice);
        AuthorizationUrl url = world.started(BeginAuthorization.Command.link(person, true, world.browser.binding()));
        assertThat(QueryString.of(url.value()).get("prompt")).contains("select_account consent");
    }

    @Test
    void signingInWithAnyLinkedAccountSignsInItsPerson() {
        PersonId person = signedIn(alice);
        world.completeAt(startLink(person), bob, Optional.of(person));
        assertThat(signedIn(bob)).isEqualTo(person);
        assertThat(signedIn(alice)).isEqualTo(person);
        assertThat(signedIn(mallory)).as("another account is another person").isNotEqualTo(person);
    }

    @Test
    void anAccountOfAnotherPersonIsRefusedAndLeftWhereItIs() {
        PersonId malloryPerson = signedIn(mallory);
        StoredCredential mallorys = world.credentials.findByUserId(mallory.userId()).orElseThrow();
        PersonId person = signedIn(alice);

        AuthorizationOutcome outcome = world.completeAt(startLink(person), mallory, Optional.of(person));

        assertThat(outcome).isEqualTo(new LinkRefused(mallory.email()));
        assertThat(world.personOf(mallory.userId())).isEqualTo(malloryPerson);
        assertThat(world.links.accountsOf(person)).extracting(LinkedAccount::account).containsExactly(alice.userId());
        assertThat(world.credentials.findByUserId(mallory.userId())).as("not replaced, not revoked").contains(mallorys);
    }

    @Test
    void linkingAnAccountThatIsAlreadyThePersonsRenewsItsGrant() {
        PersonId person = signedIn(alice);
        StoredCredential before = world.credentials.findByUserId(alice.userId()).orElseThrow();
        world.clock.advance(java.time.Duration.ofMinutes(5));

        AuthorizationOutcome outcome = world.completeAt(startLink(person), alice, Optional.of(person));

        assertThat(outcome).isEqualTo(new Authorized(person, alice.userId(), alice.email(), true));
        assertThat(world.links.accountsOf(person)).hasSize(1);
        assertThat(world.credentials.findByUserId(alice.userId()).orElseThrow().updatedAt()).isAfter(before.updatedAt());
    }

    @Test
    void aLinkStartedForOnePersonCannotBeCompletedInAnotherPersonsSession() {
        PersonId victim = signedIn(alice);
        PersonId attacker = signedIn(mallory);
        AuthorizationUrl url = startLink(victim);

        AuthorizationOutcome outcome = world.completeAt(url, mallory, Optional.of(attacker));

        assertThat(outcome).isInstanceOf(Rejected.class);
        assertThat(world.links.accountsOf(victim)).extracting(LinkedAccount::account).containsExactly(alice.userId());
        assertThat(world.google.exchangeCount()).as("no code exchanged").isEqualTo(2);
    }

    @Test
    void aLinkCompletedWhereNobodyIsSignedInIsRejected() {
        PersonId person = signedIn(alice);
        assertThat(world.completeAt(startLink(person), bob, Optional.empty())).isInstanceOf(Rejected.class);
        assertThat(world.links.find(bob.userId())).isEmpty();
    }

    @Test
    void anAttackersLinkCallbackReplayedInTheVictimsBrowserIsRejected() {
        // The attacker starts adding an account to their own person in their own browser, consents with their
        // own Google account, and makes the victim's browser open the callback (login CSRF).
        PersonId attacker = signedIn(mallory);
        AuthorizationUrl url = startLink(attacker);
        AuthorizationState state = World.stateOf(url);
        String code = world.google.approve(state, mallory).value();
        PersonId victim = signedIn(alice);
        BrowserNonce victimsBrowser = BrowserNonce.random();

        AuthorizationOutcome outcome = world.complete.complete(new CompleteAuthorization.Callback(Optional.of(state.value()), Optional.of(code),
                Optional.empty(), Optional.of(victimsBrowser), Optional.of(World.ISSUER.value()), Optional.of(victim)));

        assertThat(outcome).isInstanceOf(Rejected.class);
        assertThat(world.links.accountsOf(victim)).extracting(LinkedAccount::account).containsExactly(alice.userId());
    }

    @Test
    void aVictimsAccountCannotBeLinkedIntoTheAttackersPersonThroughAConsentLinkSentToThem() {
        // The attacker sends the victim the consent URL of a link started for the attacker's person; the victim's
        // browser, coming back, has neither the attacker's sign-in nonce nor the attacker's session.
        PersonId attacker = signedIn(mallory);
        AuthorizationUrl url = startLink(attacker);
        AuthorizationState state = World.stateOf(url);
        String code = world.google.approve(state, bob).value();

        AuthorizationOutcome outcome = world.complete.complete(new CompleteAuthorization.Callback(Optional.of(state.value()), Optional.of(code),
                Optional.empty(), Optional.of(BrowserNonce.random()), Optional.of(World.ISSUER.value()), Optional.empty()));

        assertThat(outcome).isInstanceOf(Rejected.class);
        assertThat(world.links.find(bob.userId())).isEmpty();
        assertThat(world.credentials.findByUserId(bob.userId())).isEmpty();
    }

    @Test
    void disconnectingOneAccountKeepsTheOthersAndTheSessionAndTheLastEndsEverything() {
        PersonId person = signedIn(alice);
        world.completeAt(startLink(person), bob, Optional.of(person));
        SessionToken session = world.session(bob.userId());

        assertThat(world.disconnect.disconnect(bob.userId())).isEqualTo(Disconnect.Result.DISCONNECTED);

        assertThat(world.credentials.findByUserId(bob.userId())).isEmpty();
        SignedIn still = world.resolveSession.resolve(session).orElseThrow();
        assertThat(still.accounts()).extracting(LinkedAccount::account).containsExactly(alice.userId());
        assertThat(still.defaultAccount()).as("the session signed in with bob now shows alice").isEqualTo(alice.userId());

        world.disconnect.disconnect(alice.userId());
        assertThat(world.resolveSession.resolve(session)).isEmpty();
        assertThat(world.links.accountsOf(person)).isEmpty();
    }

    @Test
    void anEndedGrantMarksOnlyThatAccountAndKeepsThePersonSignedIn() {
        PersonId person = signedIn(alice);
        world.completeAt(startLink(person), bob, Optional.of(person));
        SessionToken session = world.session(alice.userId());
        world.google.revokeGrants(bob);
        world.clock.advance(java.time.Duration.ofHours(2));

        assertThat(world.access.open(bob.userId())).isInstanceOf(AccessOutcome.Denied.class);

        SignedIn signedIn = world.resolveSession.resolve(session).orElseThrow();
        assertThat(world.listAccounts.list(signedIn)).extracting(a -> a.account().email().value() + " " + a.state() + " " + a.primary())
                .containsExactly("alice@example.com CONNECTED true", "bob@example.com NEEDS_RECONNECTING false");
    }

    @Test
    void theAccountParameterFindsOnlyThePersonsOwnAccounts() {
        PersonId person = signedIn(alice);
        world.completeAt(startLink(person), bob, Optional.of(person));
        signedIn(mallory);
        SignedIn signedIn = world.resolveSession.resolve(world.session(alice.userId())).orElseThrow();

        assertThat(signedIn.account("BOB@example.com")).map(LinkedAccount::account).contains(bob.userId());
        assertThat(signedIn.account(bob.userId().value())).map(LinkedAccount::account).contains(bob.userId());
        assertThat(signedIn.account(mallory.userId().value())).isEmpty();
        assertThat(signedIn.account("nobody@example.com")).isEmpty();
    }
}
