package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.WatchRequest;
import com.google.api.services.gmail.model.WatchResponse;
import com.google.gson.JsonObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Gmail push through the sandbox's Pub/Sub: the envelope, the OIDC token, pacing, retries and faults. */
class PubSubPushTest {
    private static final String PUSH_ACCOUNT = "gmail-push@sandbox-project.iam.gserviceaccount.com";
    private static final AtomicInteger TOPICS = new AtomicInteger();
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start(SandboxConfig.defaults(List.of(SandboxHarness.REDIRECT)).withDemoData(false));
    static final PushTestReceiver receiver = new PushTestReceiver();

    private String email;
    private Gmail gmail;
    private String topic;
    private String audience;

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void watchedMailbox() throws Exception {
        h.control().pubSub().clearPushFaults();
        newMailbox();
        int n = TOPICS.incrementAndGet();
        topic = "projects/sandbox-project/topics/gmail-" + n;
        audience = "https://app.example.com/gmail/push?n=" + n;
        h.control().pubSub().createPushSubscription(new SandboxPushSubscription("projects/sandbox-project/subscriptions/push-" + n, topic,
                receiver.url(), audience, PUSH_ACCOUNT));
    }

    private void newMailbox() throws Exception {
        email = h.freshAccount("push", "Push Person");
        gmail = h.gmail(h.login(email).getAccessToken());
    }

    private WatchResponse watch() throws Exception {
        WatchResponse watch = gmail.users().watch("me", new WatchRequest().setTopicName(topic)).execute();
        receiver.await(1, this::mine);
        return watch;
    }

    private boolean mine(PushTestReceiver.Received r) {
        return r.data().get("emailAddress").getAsString().equals(email);
    }

    private String deliver(String subject) {
        h.control().addMessage(email, SandboxMessage.of("s@example.org", email, subject, Instant.now(), "b"));
        return h.control().history().historyId(email);
    }

    @Test
    void watchPushesOneNotificationAtOnceInTheWrappedEnvelopeWithAGoogleSignedToken() throws Exception {
        WatchResponse watch = gmail.users().watch("me", new WatchRequest().setTopicName(topic)).execute();

        PushTestReceiver.Received push = receiver.await(1, this::mine).get(0);

        assertThat(push.historyId()).isEqualTo(watch.getHistoryId().toString());
        JsonObject message = push.body().getAsJsonObject("message");
        assertThat(message.keySet()).contains("data", "messageId", "message_id", "publishTime", "publish_time");
        assertThat(message.get("messageId").getAsString()).matches("\\d+");
        assertThat(push.body().get("subscription").getAsString()).startsWith("projects/sandbox-project/subscriptions/push-");
        JWTClaimsSet claims = verified(push.token());
        assertThat(claims.getIssuer()).isEqualTo("https://accounts.google.com");
        assertThat(claims.getAudience()).containsExactly(audience);
        assertThat(claims.getStringClaim("email")).isEqualTo(PUSH_ACCOUNT);
        assertThat(claims.getBooleanClaim("email_verified")).isTrue();
        assertThat(claims.getSubject()).matches("\\d{21}").isEqualTo(claims.getStringClaim("azp"));
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aBurstOfChangesBecomesOneMoreNotificationASecondLaterWithTheNewestHistoryId() throws Exception {
        watch();
        String last = "";
        for (int i = 0; i < 5; i++) last = deliver("burst " + i);
        String newest = last;

        List<PushTestReceiver.Received> pushes = receiver.await(2, this::mine);

        assertThat(pushes).hasSize(2);
        assertThat(pushes.get(1).historyId()).isEqualTo(newest);
        assertThat(Duration.between(pushes.get(0).at(), pushes.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aPushThatIsNotAcknowledgedIsRetried() throws Exception {
        watch();
        receiver.answerNext(503, 500);
        String id = deliver("retried");

        List<PushTestReceiver.Received> tries = receiver.await(3, r -> mine(r) && r.historyId().equals(id));

        assertThat(tries).extracting(PushTestReceiver.Received::answered).containsExactly(503, 500, 204);
        assertThat(tries).extracting(PushTestReceiver.Received::messageId).containsOnly(tries.get(0).messageId());
    }

    @Test
    void aDroppedPushNeverArrivesAndADuplicatedOneArrivesTwice() throws Exception {
        watch();
        h.control().pubSub().injectPushFault(SandboxPushFault.of(SandboxPushFault.Kind.DROP), 1);
        String dropped = deliver("dropped");
        awaitDelivery(dropped, SandboxPushFault.Kind.DROP);
        h.control().pubSub().injectPushFault(SandboxPushFault.of(SandboxPushFault.Kind.DUPLICATE), 1);
        String duplicated = deliver("duplicated");

        List<PushTestReceiver.Received> twice = receiver.await(2, r -> mine(r) && r.historyId().equals(duplicated));

        assertThat(twice.get(0).messageId()).isEqualTo(twice.get(1).messageId());
        assertThat(receiver.received()).noneMatch(r -> mine(r) && r.historyId().equals(dropped));
    }

    @Test
    void aDelayedPushArrivesLate() throws Exception {
        watch();
        h.control().pubSub().injectPushFault(SandboxPushFault.delayed(Duration.ofMillis(1500)), 1);
        Instant sent = Instant.now();
        String id = deliver("late");

        PushTestReceiver.Received push = receiver.await(1, r -> mine(r) && r.historyId().equals(id)).get(0);

        assertThat(Duration.between(sent, push.at())).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aReorderedPushArrivesAfterTheNextOneOfItsSubscription() throws Exception {
        watch();
        String firstEmail = email;
        newMailbox();  // a second mailbox watching the same topic: pacing is per mailbox, the reordering per subscription
        String secondEmail = email;
        watch();
        h.control().pubSub().injectPushFault(SandboxPushFault.of(SandboxPushFault.Kind.REORDER), 1);
        email = firstEmail;
        String first = deliver("first");
        email = secondEmail;
        String second = deliver("second");

        List<PushTestReceiver.Received> both = receiver.await(2, r -> r.historyId().equals(first) && isFor(r, firstEmail)
                || r.historyId().equals(second) && isFor(r, secondEmail));

        assertThat(both).extracting(r -> r.data().get("emailAddress").getAsString()).containsExactly(secondEmail, firstEmail);
    }

    private static boolean isFor(PushTestReceiver.Received r, String address) {
        return r.data().get("emailAddress").getAsString().equals(address);
    }

    @Test
    void eachForgeryIsSentBeforeTheGenuinePushAndChangesOneThing() throws Exception {
        watch();
        List<SandboxPushFault.Kind> forgeries = List.of(SandboxPushFault.Kind.values()).stream().filter(SandboxPushFault.Kind::forgery).toList();
        for (SandboxPushFault.Kind kind : forgeries) {
            h.control().pubSub().injectPushFault(SandboxPushFault.of(kind), 1);
            String id = deliver("forged " + kind);
            List<PushTestReceiver.Received> pushes = receiver.await(2, r -> mine(r) && r.historyId().equals(id));
            JWTClaimsSet forged = JWTParser.parse(pushes.get(0).token()).getJWTClaimsSet();
            assertThat(verified(pushes.get(1).token()).getAudience()).containsExactly(audience);
            switch (kind) {
                case WRONG_AUDIENCE -> assertThat(forged.getAudience()).doesNotContain(audience);
                case WRONG_EMAIL -> assertThat(forged.getStringClaim("email")).isNotEqualTo(PUSH_ACCOUNT);
                case EMAIL_NOT_VERIFIED -> assertThat(forged.getBooleanClaim("email_verified")).isFalse();
                case EXPIRED -> assertThat(forged.getExpirationTime().toInstant()).isBefore(Instant.now());
                case OTHER_ISSUER -> assertThat(forged.getIssuer()).isNotEqualTo("https://accounts.google.com");
                case UNSIGNED -> assertThat(pushes.get(0).token()).endsWith(".");
                default -> assertThat(forged.getAudience()).containsExactly(audience);  // signature or key id forged
            }
            if (kind != SandboxPushFault.Kind.WRONG_AUDIENCE && kind != SandboxPushFault.Kind.WRONG_EMAIL
                    && kind != SandboxPushFault.Kind.EMAIL_NOT_VERIFIED) {
                assertThat(verifies(pushes.get(0).token())).as(kind.name()).isFalse();
            }
        }
    }

    private void awaitDelivery(String historyId, SandboxPushFault.Kind fault) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (h.control().pubSub().pushDeliveries().stream().noneMatch(d -> d.historyId().equals(historyId)
                && (fault == null || d.fault().filter(fault::equals).isPresent()))) {
            assertThat(Instant.now()).as("a delivery of " + historyId).isBefore(deadline);
            synchronized (this) {
                wait(20);
            }
        }
    }

    private static JWTClaimsSet verified(String token) throws Exception {
        return processor().process(token, null);
    }

    private static boolean verifies(String token) {
        try {
            JWTClaimsSet claims = verified(token);
            return claims.getIssuer().equals("https://accounts.google.com") && claims.getExpirationTime().toInstant().isAfter(Instant.now());
        } catch (Exception e) {
            return false;
        }
    }

    private static DefaultJWTProcessor<SecurityContext> processor() throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(new URL(h.url("/oauth2/v3/certs")))
                .rateLimited(false).refreshAheadCache(false).retrying(false).cache(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        return processor;
    }
}
