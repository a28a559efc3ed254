package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Gmail's per-user limits as the sandbox plays them, seen through Google's Java client. */
class GmailLimitsTest {
    private static final String QUOTA_MESSAGE = "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' "
            + "of service 'gmail.googleapis.com' for consumer 'project_number:123456789012'.";
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start();
    private static final SandboxControl control = h.control();
    private static String alice;
    private static String token;
    private static Gmail gmail;
    private static List<String> ids;

    @BeforeAll
    static void start() throws IOException {
        SandboxHarness.SignedIn signedIn = h.signInFirstDemoAccount(50L);
        alice = signedIn.account();
        token = signedIn.token();
        gmail = signedIn.gmail();
        ids = signedIn.ids();
    }

    @BeforeEach
    void reset() {
        control.resetLimits();
        control.clearFaults();
    }

    @Test
    void limitsAreOnByDefaultWithGooglesNumbers() {
        assertThat(control.limits()).isEqualTo(SandboxLimits.google());
        assertThat(control.limits().enforced()).isTrue();
        assertThat(control.limits().unitsPerMinute()).isEqualTo(15_000);
        assertThat(control.limits().concurrentRequests()).isEqualTo(50);
        assertThat(control.limits().quotaRefusal()).isEqualTo(SandboxLimits.QuotaRefusal.FORBIDDEN);
        assertThat(control.limits().retryAfter()).isFalse();
        assertThat(SandboxLimits.newProject().unitsPerMinute()).isEqualTo(6_000);
    }

    @Test
    void eachMethodCostsItsQuotaUnits() throws IOException {
        String id = ids.get(0);
        String threadId = gmail.users().messages().get("me", id).setFormat("minimal").execute().getThreadId();
        String attachmentMessage = gmail.users().messages().list("me").setQ("has:attachment").execute().getMessages().get(0).getId();
        String attachmentId = attachmentId(gmail.users().messages().get("me", attachmentMessage).execute().getPayload());
        control.resetLimitUsage();

        assertThat(unitsOf(() -> gmail.users().messages().list("me").execute())).as("messages.list").isEqualTo(5);
        assertThat(unitsOf(() -> gmail.users().messages().get("me", id).execute())).as("messages.get").isEqualTo(5);
        assertThat(unitsOf(() -> gmail.users().messages().attachments().get("me", attachmentMessage, attachmentId).execute()))
                .as("messages.attachments.get").isEqualTo(5);
        assertThat(unitsOf(() -> gmail.users().threads().list("me").execute())).as("threads.list").isEqualTo(10);
        assertThat(unitsOf(() -> gmail.users().threads().get("me", threadId).execute())).as("threads.get").isEqualTo(10);
        assertThat(unitsOf(() -> gmail.users().labels().list("me").execute())).as("labels.list").isEqualTo(1);
        assertThat(unitsOf(() -> gmail.users().labels().get("me", "INBOX").execute())).as("labels.get").isEqualTo(1);
        assertThat(unitsOf(() -> gmail.users().getProfile("me").execute())).as("getProfile").isEqualTo(1);
    }

    @Test
    void aBatchOfNPartsCostsNCalls() throws IOException {
        control.resetLimitUsage();

        List<Integer> codes = batchOfGets(ids.subList(0, 20));

        assertThat(codes).containsOnly(200).hasSize(20);
        assertThat(control.limitUsage(alice).unitsTotal()).isEqualTo(20 * 5);
    }

    @Test
    void callsThatAreNotAuthenticatedCostNothing() {
        control.resetLimitUsage();

        HttpResponse<String> r = h.getWithToken("/gmail/v1/users/me/profile", "ya29.not-a-token");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(control.limitUsage(alice)).isEqualTo(LimitUsage.NONE);
    }

    @Test
    void pastTheMinutesQuotaTheAnswerIsGoogles403WithoutRetryAfterUntilTheWindowMoves() throws IOException {
        control.setLimits(control.limits().withUnitsPerMinute(12));
        control.resetLimitUsage();
        for (int i = 0; i < 12; i++) gmail.users().getProfile("me").execute();

        HttpResponse<String> refused = h.getWithToken("/gmail/v1/users/me/profile", token);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("{\"error\":{\"code\":403,\"message\":\"" + QUOTA_MESSAGE + "\",\"errors\":[{\"message\":\""
                + QUOTA_MESSAGE + "\",\"domain\":\"usageLimits\",\"reason\":\"rateLimitExceeded\"}],\"status\":\"PERMISSION_DENIED\"}}");
        assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
        assertThatThrownBy(() -> gmail.users().messages().list("me").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(403);
                    assertThat(e.getDetails().getErrors().get(0).getDomain()).isEqualTo("usageLimits");
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("rateLimitExceeded");
                });
        assertThat(control.limitUsage(alice).quotaRefusals()).isEqualTo(2);

        control.advanceClock(Duration.ofSeconds(60));

        assertThat(gmail.users().getProfile("me").execute().getEmailAddress()).isEqualTo(alice);
        assertThat(control.limitUsage(alice).unitsLastMinute()).isEqualTo(1);
    }

    @Test
    void the429VariantSaysResourceExhaustedAndRetryAfterCanBeSwitchedOn() throws IOException {
        control.setLimits(control.limits().withUnitsPerMinute(10).withQuotaRefusal(SandboxLimits.QuotaRefusal.TOO_MANY_REQUESTS)
                .withRetryAfter(true));
        control.resetLimitUsage();
        gmail.users().messages().list("me").execute();
        control.advanceClock(Duration.ofSeconds(20));
        gmail.users().messages().list("me").execute();

        assertThatThrownBy(() -> gmail.users().messages().list("me").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(429);
                    assertThat(e.getDetails().get("status")).isEqualTo("RESOURCE_EXHAUSTED");
                    assertThat(e.getDetails().getMessage()).isEqualTo(QUOTA_MESSAGE);
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("rateLimitExceeded");
                    assertThat(e.getHeaders().getFirstHeaderStringValue("Retry-After")).as("the first charge leaves in 40 s").isEqualTo("40");
                });
    }

    @Test
    void oneBatchOfFiftyPassesAtTheDefaultLimit() throws IOException {
        control.resetLimitUsage();

        assertThat(batchOfGets(ids)).hasSize(50).containsOnly(200);
        assertThat(control.limitUsage(alice).peakConcurrency()).isEqualTo(50);
        assertThat(control.limitUsage(alice).concurrencyRefusals()).isZero();
    }

    @Test
    void atTenConcurrentRequestsFortyPartsOfABatchOfFiftyAreRefused() throws IOException {
        control.setLimits(control.limits().withConcurrentRequests(10));
        control.resetLimitUsage();

        List<Integer> codes = batchOfGets(ids);

        assertThat(codes.subList(0, 10)).containsOnly(200);
        assertThat(codes.subList(10, 50)).containsOnly(429);
        assertThat(control.limitUsage(alice)).isEqualTo(new LimitUsage(50, 50, 0, 40, 0, 10));
    }

    @Test
    void atFiveConcurrentRequestsTheRefusedPartsSayTooManyConcurrentRequests() throws IOException {
        control.setLimits(control.limits().withConcurrentRequests(5));
        control.resetLimitUsage();
        List<GoogleJsonError> refusals = Collections.synchronizedList(new ArrayList<>());

        List<Integer> codes = batchOfGets(ids.subList(0, 25), refusals);

        assertThat(codes.stream().filter(c -> c == 200)).hasSize(5);
        assertThat(refusals).hasSize(20).allSatisfy(e -> {
            assertThat(e.getCode()).isEqualTo(429);
            assertThat(e.getMessage()).isEqualTo("Too many concurrent requests for user.");
            assertThat(e.getErrors().get(0).getReason()).isEqualTo("rateLimitExceeded");
            assertThat(e.get("status")).isEqualTo("RESOURCE_EXHAUSTED");
        });
        assertThat(control.limitUsage(alice).unitsTotal()).as("refused parts cost nothing").isEqualTo(25);
    }

    @Test
    void twoBatchesOfFiftyAtOnceDoNotBothPass() throws Exception {
        control.resetLimitUsage();
        control.injectFault(Endpoint.MESSAGES_GET, 50, new Fault.Delay(Duration.ofSeconds(2)));
        CompletableFuture<List<Integer>> first = CompletableFuture.supplyAsync(() -> batchOfGetsUnchecked(ids));
        waitUntil(() -> control.limitUsage(alice).inFlight() == 50);

        List<Integer> second = batchOfGets(ids);

        assertThat(second).hasSize(50).containsOnly(429);
        assertThat(first.get()).hasSize(50).containsOnly(200);
        assertThat(control.limitUsage(alice).concurrencyRefusals()).isEqualTo(50);
        assertThat(control.limitUsage(alice).peakConcurrency()).isEqualTo(50);
    }

    @Test
    void aDirectRequestAlsoHoldsASlotWhileItRuns() throws Exception {
        control.setLimits(control.limits().withConcurrentRequests(1));
        control.injectFault(Endpoint.PROFILE, 1, new Fault.Delay(Duration.ofSeconds(2)));
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> h.getWithToken("/gmail/v1/users/me/profile", token));
        waitUntil(() -> control.limitUsage(alice).inFlight() == 1);

        HttpResponse<String> second = h.getWithToken("/gmail/v1/users/me/labels", token);

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.body()).contains("Too many concurrent requests for user.");
        assertThat(slow.get().statusCode()).isEqualTo(200);
    }

    @Test
    void thePartsOfABatchRunInParallel() throws Exception {
        control.injectFault(Endpoint.MESSAGES_GET, 20, new Fault.Delay(Duration.ofSeconds(3)));

        CompletableFuture<List<Integer>> batch = CompletableFuture.supplyAsync(() -> batchOfGetsUnchecked(ids.subList(0, 20)));

        waitUntil(() -> batchPartsWaitingAtOnce() == 20);
        assertThat(batch.get()).hasSize(20).containsOnly(200);
    }

    /** Batch parts of the in-process sandbox that are spending their injected delay right now. */
    private static long batchPartsWaitingAtOnce() {
        return java.lang.Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("google-sandbox-batch-part-"))
                .filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals("sleep") && f.getClassName().equals("java.lang.Thread")))
                .count();
    }

    private static String attachmentId(MessagePart part) {
        if (part.getBody() != null && part.getBody().getAttachmentId() != null) return part.getBody().getAttachmentId();
        if (part.getParts() == null) throw new AssertionError("no attachment");
        for (MessagePart child : part.getParts()) {
            try {
                return attachmentId(child);
            } catch (AssertionError e) {
                // look on
            }
        }
        throw new AssertionError("no attachment");
    }

    private interface GmailCallAction {
        void run() throws IOException;
    }

    private static long unitsOf(GmailCallAction action) throws IOException {
        long before = control.limitUsage(alice).unitsTotal();
        action.run();
        return control.limitUsage(alice).unitsTotal() - before;
    }

    private static List<Integer> batchOfGets(List<String> messageIds) throws IOException {
        return batchOfGets(messageIds, Collections.synchronizedList(new ArrayList<>()));
    }

    private static List<Integer> batchOfGetsUnchecked(List<String> messageIds) {
        try {
            return batchOfGets(messageIds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status of each part, in request order. */
    private static List<Integer> batchOfGets(List<String> messageIds, List<GoogleJsonError> failures) throws IOException {
        Integer[] codes = new Integer[messageIds.size()];
        BatchRequest batch = gmail.batch();
        for (int i = 0; i < messageIds.size(); i++) {
            int index = i;
            gmail.users().messages().get("me", messageIds.get(i)).setFormat("minimal").queue(batch, new JsonBatchCallback<Message>() {
                @Override public void onSuccess(Message m, HttpHeaders headers) {
                    codes[index] = 200;
                }

                @Override public void onFailure(GoogleJsonError e, HttpHeaders headers) {
                    codes[index] = e.getCode();
                    failures.add(e);
                }
            });
        }
        batch.execute();
        return List.of(codes);
    }

    private static void waitUntil(BooleanSupplier condition) {
        dev.gmailserverauth.testing.Eventually.await("the sandbox's counters reach the expected state", Duration.ofSeconds(10), condition::getAsBoolean);
    }
}
