package dev.gmailserverauth.google;

import static dev.gmailserverauth.google.GoogleRoundTripTest.complete;
import static dev.gmailserverauth.google.GoogleRoundTripTest.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageRef;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.Summaries;
import dev.gmailserverauth.domain.port.MailboxResponse;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.Fault;
import dev.gmailserverauth.sandbox.LimitUsage;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxLimits;
import dev.gmailserverauth.sandbox.SandboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Gmail adapter at Google's per-user limits, as the sandbox plays them (quota units per rolling minute,
 * calls of one user at once, batch parts holding slots), over real HTTP.
 */
class GmailLimitsTest {
    private static final Instant JAN_1 = Instant.parse("2026-01-01T09:00:00Z");
    private static final Fault TOO_MANY_AT_ONCE =
            new Fault.HttpError(429, "rateLimitExceeded", "Too many concurrent requests for user.", Optional.empty());
    /** Started with the class, closed after its last test. */
    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    private String email;
    private MailboxAccess token;

    @AfterEach
    void resetTheSandbox() {
        control().resetLimits();
        control().clearFaults();
    }

    private static SandboxControl control() {
        return sandbox.control();
    }

    /** A fresh user (so a fresh budget) with {@code messages} messages; the sandbox's counters reset. */
    private void userWith(int messages) {
        email = sandbox.newAccount("limits");
        IntStream.range(0, messages).forEach(i -> control().addMessage(email,
                SandboxMessage.of("Bob <bob@example.org>", email, "Message " + i, JAN_1.plusSeconds(60L * i), "Body " + i)));
        token = sandbox.access(email, true);
        resetUsage();
    }

    private void resetUsage() {
        control().resetCounters();
        control().resetLimitUsage();
    }

    private List<MessageId> ids(GmailMailbox mailbox, int count) {
        List<MessageId> ids = ok(mailbox.listMessages(token, MailQuery.firstPage(SearchQuery.ALL, new PageSize(count))))
                .items().stream().map(MessageRef::id).toList();
        assertThat(ids).hasSize(count);
        resetUsage();
        return ids;
    }

    private LimitUsage usage() {
        return control().limitUsage(email);
    }

    private static void limits(SandboxLimits limits) {
        control().setLimits(limits);
    }

    // ---- concurrent requests per user ----

    @Test
    void aPageOfFiftyAtTenConcurrentRequestsPerUserArrivesCompleteWithItsRefusedPartsRetried() {
        userWith(60);
        List<MessageId> ids = ids(sandbox.mailbox(), 50);
        limits(SandboxLimits.google().withConcurrentRequests(10));

        assertThat(complete(sandbox.mailbox().summarize(token, ids))).extracting(MessageSummary::id).containsExactlyElementsOf(ids);
        assertThat(usage().concurrencyRefusals()).isGreaterThanOrEqualTo(40);
        assertThat(usage().peakConcurrency()).isLessThanOrEqualTo(10);
    }

    @Test
    void aPageOfAHundredAtFiveConcurrentRequestsPerUserArrivesComplete() {
        userWith(100);
        List<MessageId> ids = ids(sandbox.mailbox(), 100);
        limits(SandboxLimits.google().withConcurrentRequests(5).withCallTime(Duration.ofMillis(10)));

        assertThat(complete(sandbox.mailbox().summarize(token, ids))).extracting(MessageSummary::id).containsExactlyElementsOf(ids);
        assertThat(usage().peakConcurrency()).isLessThanOrEqualTo(5);
    }

    @Test
    void theBatchSizeShrinksToTheUsersConcurrencySoTheNextPageMeetsFewRefusals() {
        userWith(100);
        List<MessageId> ids = ids(sandbox.mailbox(), 100);
        limits(SandboxLimits.google().withConcurrentRequests(10));

        complete(sandbox.mailbox().summarize(token, ids.subList(0, 50)));
        long firstPage = usage().concurrencyRefusals();
        resetUsage();
        complete(sandbox.mailbox().summarize(token, ids.subList(50, 100)));

        assertThat(firstPage).isGreaterThanOrEqualTo(40);
        assertThat(usage().concurrencyRefusals()).isLessThanOrEqualTo(10);
        assertThat(control().counters().roundTrips(Endpoint.BATCH)).isBetween(5L, 10L);
    }

    @Test
    void whatTheBudgetLearntAboutThePersonSurvivesTheirNextAccessToken() {
        userWith(100);
        List<MessageId> ids = ids(sandbox.mailbox(), 100);
        limits(SandboxLimits.google().withConcurrentRequests(10));
        complete(sandbox.mailbox().summarize(token, ids.subList(0, 50)));
        long firstPage = usage().concurrencyRefusals();

        MailboxAccess refreshed = sandbox.access(email, true);
        assertThat(refreshed.token()).isNotEqualTo(token.token());
        resetUsage();
        complete(sandbox.mailbox().summarize(refreshed, ids.subList(50, 100)));

        assertThat(firstPage).isGreaterThanOrEqualTo(40);
        assertThat(usage().concurrencyRefusals()).isLessThanOrEqualTo(10);
    }

    @Test
    void aPersonsFirstPageStartsBelowTheConcurrencyGoogleIsSeenToRefuseAndMeetsNoRefusal() throws Exception {
        userWith(50);
        try (WireTap tap = new WireTap(sandbox.config.withLimits(GmailLimits.DEFAULT))) {
            List<MessageId> ids = ids(tap.mailbox, 50);
            limits(SandboxLimits.google().withConcurrentRequests(25));

            assertThat(complete(tap.mailbox.summarize(token, ids))).extracting(MessageSummary::id).containsExactlyElementsOf(ids);
            assertThat(usage().concurrencyRefusals()).isZero();
            assertThat(usage().peakConcurrency()).isLessThanOrEqualTo(25);
        }
    }

    @Test
    void theBatchSizeGrowsBackOnceTheUserMayRunMoreAtOnce() {
        userWith(50);
        List<MessageId> ids = ids(sandbox.mailbox(), 50);
        limits(SandboxLimits.google().withConcurrentRequests(5));
        complete(sandbox.mailbox().summarize(token, ids));
        limits(SandboxLimits.google());

        List<Long> batchesPerPage = new ArrayList<>();
        for (int page = 0; page < 15 && (batchesPerPage.isEmpty() || batchesPerPage.get(batchesPerPage.size() - 1) > 1); page++) {
            resetUsage();
            complete(sandbox.mailbox().summarize(token, ids));
            batchesPerPage.add(control().counters().roundTrips(Endpoint.BATCH));
        }
        assertThat(batchesPerPage.get(0)).isGreaterThan(1);
        assertThat(batchesPerPage).last().isEqualTo(1L);
        assertThat(batchesPerPage).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void partsRefusedAsTooManyAtOnceAreRetriedAloneAndThePartsThatArrivedAreKept() {
        userWith(10);
        List<MessageId> ids = ids(sandbox.mailbox(), 10);
        control().injectFault(Endpoint.MESSAGES_GET, 3, TOO_MANY_AT_ONCE);

        assertThat(complete(sandbox.mailbox().summarize(token, ids))).extracting(MessageSummary::id).containsExactlyElementsOf(ids);
        assertThat(control().counters().roundTrips(Endpoint.BATCH)).isEqualTo(2);
        assertThat(control().counters().batchParts()).isEqualTo(13);
    }

    @Test
    void aSingleCallRefusedAsTooManyAtOnceIsTriedAgainSoon() {
        userWith(3);
        control().injectFault(Endpoint.MESSAGES_LIST, 2, TOO_MANY_AT_ONCE);
        assertThat(ok(sandbox.mailbox().listMessages(token, MailQuery.firstPage(SearchQuery.ALL, new PageSize(10)))).items()).hasSize(3);
        assertThat(control().counters().roundTrips(Endpoint.MESSAGES_LIST)).isEqualTo(3);
    }

    @Test
    void twoRequestsOfOneUserAtOnceShareItsBudgetAndAreNotRefused() {
        userWith(100);
        List<MessageId> ids = ids(sandbox.mailbox(), 100);
        limits(SandboxLimits.google().withCallTime(Duration.ofMillis(100)));

        CompletableFuture<MailboxResponse<Summaries>> first = CompletableFuture.supplyAsync(() -> sandbox.mailbox().summarize(token, ids.subList(0, 50)));
        CompletableFuture<MailboxResponse<Summaries>> second = CompletableFuture.supplyAsync(() -> sandbox.mailbox().summarize(token, ids.subList(50, 100)));

        assertThat(complete(first.join())).hasSize(50);
        assertThat(complete(second.join())).hasSize(50);
        assertThat(usage().concurrencyRefusals()).isZero();
        assertThat(usage().peakConcurrency()).isLessThanOrEqualTo(SandboxLimits.DEFAULT_CONCURRENT_REQUESTS);
    }

    @Test
    void whenTheBatchEndpointFailsTheSingleGetsStayWithinTheUsersConcurrency() throws Exception {
        userWith(20);
        try (WireTap tap = new WireTap(sandbox.config.withLimits(GmailLimits.DEFAULT.withConcurrentRequests(5)))) {
            List<MessageId> ids = ids(tap.mailbox, 20);
            limits(SandboxLimits.google().withConcurrentRequests(5).withCallTime(Duration.ofMillis(50)));
            control().injectFault(Endpoint.BATCH, 1, Fault.unavailable());

            assertThat(complete(tap.mailbox.summarize(token, ids))).extracting(MessageSummary::id).containsExactlyElementsOf(ids);
            assertThat(control().counters().roundTrips(Endpoint.BATCH)).isEqualTo(1);
            assertThat(control().counters().roundTrips(Endpoint.MESSAGES_GET)).isEqualTo(20);
            assertThat(usage().concurrencyRefusals()).isZero();
            assertThat(usage().peakConcurrency()).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void pastTheDeadlineThePageComesWithWhatArrivedAndNamesTheMissingIds() throws Exception {
        userWith(50);
        try (WireTap tap = new WireTap(sandbox.config.withDeadline(Duration.ofMillis(800)))) {
            List<MessageId> ids = ids(tap.mailbox, 50);
            limits(SandboxLimits.google().withConcurrentRequests(5).withCallTime(Duration.ofMillis(150)));

            Summaries summaries = ok(tap.mailbox.summarize(token, ids));

            assertThat(summaries.found()).isNotEmpty();
            assertThat(summaries.missing()).isNotEmpty();
            List<MessageId> found = summaries.found().stream().map(MessageSummary::id).toList();
            assertThat(ids).containsSubsequence(found);
            Set<MessageId> all = new HashSet<>(found);
            all.addAll(summaries.missing());
            assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    // ---- quota units per user per minute ----

    /** Spends exactly {@code units} of the user's quota: one list (5) and summaries of the rest. */
    private void spend(int units) {
        List<MessageId> ids = ok(sandbox.mailbox().listMessages(token, MailQuery.firstPage(SearchQuery.ALL, new PageSize(units / 5 - 1))))
                .items().stream().map(MessageRef::id).toList();
        complete(sandbox.mailbox().summarize(token, ids));
        assertThat(usage().unitsLastMinute()).isEqualTo(units);
    }

    @Test
    void overQuotaTheAnswerIsRateLimitedUntilTheQuotaFreesUpAndLaterRequestsDoNotAskGoogle() {
        userWith(20);
        limits(SandboxLimits.google().withUnitsPerMinute(60).withRetryAfter(true));
        spend(60);

        MailboxResponse<?> response = sandbox.mailbox().listMessages(token, MailQuery.firstPage(SearchQuery.ALL, new PageSize(10)));
        assertThat(response).isInstanceOf(MailboxResponse.RateLimited.class);
        Instant retryAt = ((MailboxResponse.RateLimited<?>) response).retryAt();
        assertThat(retryAt).isCloseTo(Instant.now().plusSeconds(60), within(10, ChronoUnit.SECONDS));
        assertThat(usage().quotaRefusals()).isEqualTo(1);

        List<MessageId> some = List.of(new MessageId("18f2c1a2b3c4d5e6"));
        assertThat(sandbox.mailbox().summarize(token, some)).isEqualTo(new MailboxResponse.RateLimited<>(retryAt));
        assertThat(sandbox.mailbox().listLabels(token)).isEqualTo(new MailboxResponse.RateLimited<>(retryAt));
        assertThat(sandbox.mailbox().getMessage(token, some.get(0))).isEqualTo(new MailboxResponse.RateLimited<>(retryAt));
        assertThat(usage().quotaRefusals()).isEqualTo(1);
    }

    @Test
    void overQuotaWithoutRetryAfterARequestMakesAHandfulOfCallsThenSaysWhenToTryAgain() throws Exception {
        userWith(20);
        RetryPolicy minuteSized = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(3), Duration.ZERO, Duration.ofSeconds(1));
        try (WireTap tap = new WireTap(sandbox.config.withRetryPolicy(minuteSized))) {
            limits(SandboxLimits.google().withUnitsPerMinute(30));
            spend(30);

            Instant asked = Instant.now();
            MailboxResponse<?> response = tap.mailbox.listMessages(token, MailQuery.firstPage(SearchQuery.ALL, new PageSize(10)));

            assertThat(response).isInstanceOfSatisfying(MailboxResponse.RateLimited.class,
                    limited -> assertThat(limited.retryAt()).isAfter(asked.plusSeconds(1)));
            long calls = usage().quotaRefusals();
            assertThat(calls).isBetween(2L, 5L);
            assertThat(tap.mailbox.listLabels(token)).isInstanceOf(MailboxResponse.RateLimited.class);
            assertThat(usage().quotaRefusals()).isLessThanOrEqualTo(calls + 1);
        }
    }

    @Test
    void theTooManyRequestsFormOfASpentQuotaIsRateLimitedToo() {
        userWith(20);
        limits(SandboxLimits.google().withUnitsPerMinute(30).withQuotaRefusal(SandboxLimits.QuotaRefusal.TOO_MANY_REQUESTS).withRetryAfter(true));
        spend(30);

        assertThat(sandbox.mailbox().listLabels(token)).isInstanceOf(MailboxResponse.RateLimited.class);
        assertThat(usage().quotaRefusals()).isEqualTo(1);
    }

    @Test
    void summariesThatArrivedBeforeTheQuotaRanOutAreKept() {
        userWith(20);
        List<MessageId> ids = ids(sandbox.mailbox(), 20);
        limits(SandboxLimits.google().withUnitsPerMinute(50).withRetryAfter(true));

        Summaries summaries = ok(sandbox.mailbox().summarize(token, ids));

        // Google runs a batch's parts in parallel: which ten got the units is up to it.
        List<MessageId> found = summaries.found().stream().map(MessageSummary::id).toList();
        assertThat(found).hasSize(10);
        assertThat(ids).containsSubsequence(found);
        assertThat(summaries.missing()).hasSize(10).doesNotContainAnyElementsOf(found);
    }

    @Test
    void whenItsQuotaIsKnownTheAdapterPacesItselfAndGoogleNeverRefuses() throws Exception {
        userWith(20);
        try (WireTap tap = new WireTap(sandbox.config.withLimits(GmailLimits.DEFAULT.withUnitsPerMinute(50)))) {
            List<MessageId> ids = ids(tap.mailbox, 20);
            limits(SandboxLimits.google().withUnitsPerMinute(50));

            // The list spent 5 of the 50 units: nine summaries fit the minute, the eleven others wait for the next.
            Summaries summaries = ok(tap.mailbox.summarize(token, ids));
            assertThat(summaries.found()).extracting(MessageSummary::id).containsExactlyElementsOf(ids.subList(0, 9));
            assertThat(summaries.missing()).containsExactlyElementsOf(ids.subList(9, 20));
            assertThat(tap.mailbox.listLabels(token)).isInstanceOf(MailboxResponse.RateLimited.class);
            assertThat(usage().quotaRefusals()).isZero();
        }
    }

    @Test
    void underTheTableOfNewProjectsTheAdapterPacesByWhatEachFormatCostsAndGoogleNeverRefuses() throws Exception {
        userWith(30);
        GmailLimits newProject = GmailLimits.of(QuotaProfile.NEW_PROJECT_2026).withUnitsPerMinute(500);
        try (WireTap tap = new WireTap(sandbox.config.withLimits(newProject))) {
            limits(SandboxLimits.google().withUnitsPerMinute(500).withQuotaTable(SandboxLimits.QuotaTable.NEW_PROJECT_2026));
            List<MessageId> ids = ok(tap.mailbox.listMessages(token, MailQuery.firstPage(SearchQuery.ALL, new PageSize(30))))
                    .items().stream().map(MessageRef::id).toList();

            // The list spent 5 of the 500 units: 24 metadata gets at 20 fit the minute, the six others wait for the next.
            Summaries summaries = ok(tap.mailbox.summarize(token, ids));
            assertThat(summaries.found()).extracting(MessageSummary::id).containsExactlyElementsOf(ids.subList(0, 24));
            assertThat(summaries.missing()).containsExactlyElementsOf(ids.subList(24, 30));
            assertThat(usage().unitsLastMinute()).isEqualTo(5 + 24 * 20);
            // A whole message (format=full) costs 60: 15 units are left, so it is rate limited without asking Google.
            assertThat(tap.mailbox.getMessage(token, ids.get(0))).isInstanceOf(MailboxResponse.RateLimited.class);
            assertThat(usage().quotaRefusals()).isZero();
        }
    }

    @Test
    void onTheTableOfNewProjectsAWholeMessageCostsSixtyAThreadFortyAndTheLabelsOne() throws Exception {
        userWith(2);
        try (WireTap tap = new WireTap(sandbox.config.withLimits(GmailLimits.of(QuotaProfile.NEW_PROJECT_2026)))) {
            limits(SandboxLimits.google().withQuotaTable(SandboxLimits.QuotaTable.NEW_PROJECT_2026));
            List<MessageId> ids = ids(tap.mailbox, 2);

            Message message = ok(tap.mailbox.getMessage(token, ids.get(0)));
            assertThat(usage().unitsLastMinute()).isEqualTo(60);
            ok(tap.mailbox.getThread(token, message.threadId()));
            assertThat(usage().unitsLastMinute()).isEqualTo(100);
            ok(tap.mailbox.listLabels(token));
            assertThat(usage().unitsLastMinute()).isEqualTo(101);
        }
    }

    // ---- what is asked for, and the listener ----

    @Test
    void everyCallAsksOnlyForTheFieldsItReadsAndAcceptsGzip() throws Exception {
        userWith(3);
        try (WireTap tap = new WireTap(sandbox.config)) {
            MailQuery page = MailQuery.firstPage(SearchQuery.ALL, new PageSize(10));
            List<MessageId> ids = ok(tap.mailbox.listMessages(token, page)).items().stream().map(MessageRef::id).toList();
            ok(tap.mailbox.getMessage(token, ids.get(0)));
            ok(tap.mailbox.getThread(token, ok(tap.mailbox.listThreads(token, page)).items().get(0).id()));
            ok(tap.mailbox.listLabels(token));
            control().injectFault(Endpoint.BATCH, 1, Fault.unavailable());
            complete(tap.mailbox.summarize(token, ids));

            List<WireTap.Exchange> gets = tap.requests.stream().filter(r -> r.method().equals("GET")).toList();
            assertThat(gets).hasSize(5 + ids.size());
            assertThat(gets).allSatisfy(get -> {
                assertThat(get.uri()).contains("fields=");
                assertThat(get.acceptEncoding()).hasValueSatisfying(v -> assertThat(v).contains("gzip"));
                assertThat(get.userAgent()).hasValueSatisfying(v -> assertThat(v).contains("gzip"));
            });
            assertThat(gets).extracting(WireTap.Exchange::uri).anySatisfy(uri -> assertThat(uri)
                    .contains("fields=messages(id,threadId),nextPageToken,resultSizeEstimate"));
            assertThat(gets).extracting(WireTap.Exchange::uri).filteredOn(uri -> uri.contains("format=metadata")).hasSize(ids.size())
                    .allSatisfy(uri -> assertThat(uri).contains("payload/headers"));
            assertThat(tap.responseEncodings).contains(Optional.of("gzip"));
        }
    }

    @Test
    void theListenerHearsEveryCallTheUnitsItCostAndTheRefusals() throws Exception {
        userWith(10);
        RecordingListener listener = new RecordingListener();
        try (WireTap tap = new WireTap(sandbox.config.withCallListener(listener))) {
            List<MessageId> ids = ok(tap.mailbox.listMessages(token, MailQuery.firstPage(SearchQuery.ALL, new PageSize(10))))
                    .items().stream().map(MessageRef::id).toList();
            limits(SandboxLimits.google().withConcurrentRequests(4));
            complete(tap.mailbox.summarize(token, ids));

            assertThat(listener.units).containsEntry("messages.list", 5);
            assertThat(listener.units.get("messages.get")).isGreaterThanOrEqualTo(50);
            assertThat(listener.calls).contains("messages.list ok").filteredOn(c -> c.equals("messages.get ok")).hasSize(10);
            assertThat(listener.calls).contains("messages.get concurrency");
            assertThat(listener.refused).contains("concurrency");
        }
    }
}
