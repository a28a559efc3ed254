package dev.gmailserverauth.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link LinkedAccounts} must do. */
public abstract class LinkedAccountsContract {
    protected static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final PersonId ALICE = new PersonId("alice-person");
    private static final PersonId BOB = new PersonId("bob-person");

    /** A store with nothing linked. */
    protected abstract LinkedAccounts links();

    private static LinkedAccount account(String id, PersonId person, Instant at) {
        return new LinkedAccount(new UserId(id), new EmailAddress(id + "@example.com"), person, at);
    }

    private static String outcome(LinkedAccounts.Linking linking) {
        return linking.fold(linked -> "linked", already -> "already", elsewhere -> "elsewhere:" + elsewhere.owner().value());
    }

    @Test
    void linksAnAccountToItsPersonAndFindsIt() {
        LinkedAccounts links = links();
        LinkedAccount work = account("111", ALICE, NOW);
        assertThat(outcome(links.link(work))).isEqualTo("linked");
        assertThat(links.find(work.account())).contains(work);
        assertThat(links.find(new UserId("999"))).isEmpty();
    }

    @Test
    void listsAPersonsAccountsFirstLinkedFirstAndNoOneElses() {
        LinkedAccounts links = links();
        LinkedAccount personal = account("222", ALICE, NOW.plusSeconds(60));
        LinkedAccount work = account("111", ALICE, NOW);
        LinkedAccount bobs = account("333", BOB, NOW);
        links.link(personal);
        links.link(work);
        links.link(bobs);
        assertThat(links.accountsOf(ALICE)).containsExactly(work, personal);
        assertThat(links.accountsOf(new PersonId("nobody"))).isEmpty();
        assertThat(links.all()).containsExactly(work, personal, bobs);
    }

    @Test
    void linkingAgainToTheSamePersonKeepsTheFirstLinkAndTakesTheNewAddress() {
        LinkedAccounts links = links();
        links.link(account("111", ALICE, NOW));
        LinkedAccount renamed = new LinkedAccount(new UserId("111"), new EmailAddress("renamed@example.com"), ALICE, NOW.plusSeconds(600));
        assertThat(outcome(links.link(renamed))).isEqualTo("already");
        assertThat(links.find(new UserId("111")))
                .contains(new LinkedAccount(new UserId("111"), new EmailAddress("renamed@example.com"), ALICE, NOW));
    }

    @Test
    void anAccountOfAnotherPersonIsNeitherMovedNorShared() {
        LinkedAccounts links = links();
        LinkedAccount alices = account("111", ALICE, NOW);
        links.link(alices);
        assertThat(outcome(links.link(account("111", BOB, NOW.plusSeconds(1))))).isEqualTo("elsewhere:" + ALICE.value());
        assertThat(links.find(alices.account())).contains(alices);
        assertThat(links.accountsOf(BOB)).isEmpty();
    }

    @Test
    void unlinkForgetsOneAccountAndKeepsTheOthers() {
        LinkedAccounts links = links();
        LinkedAccount work = account("111", ALICE, NOW);
        LinkedAccount personal = account("222", ALICE, NOW.plusSeconds(1));
        links.link(work);
        links.link(personal);
        assertThat(links.unlink(work.account())).isTrue();
        assertThat(links.unlink(work.account())).isFalse();
        assertThat(links.accountsOf(ALICE)).containsExactly(personal);
        assertThat(outcome(links.link(account("111", BOB, NOW)))).as("an unlinked account is free again").isEqualTo("linked");
    }

    @Test
    void ofManyPeopleLinkingOneAccountAtOnceExactlyOneGetsIt() throws Exception {
        LinkedAccounts links = links();
        int people = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(people);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                PersonId person = new PersonId("person-" + i);
                Callable<String> attempt = () -> {
                    start.await();
                    return outcome(links.link(account("111", person, NOW)));
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) outcomes.add(result.get());
            assertThat(outcomes).filteredOn("linked"::equals).hasSize(1);
            PersonId owner = links.find(new UserId("111")).orElseThrow().person();
            assertThat(outcomes).filteredOn(o -> !o.equals("linked")).containsOnly("elsewhere:" + owner.value());
        } finally {
            pool.shutdownNow();
        }
    }
}
