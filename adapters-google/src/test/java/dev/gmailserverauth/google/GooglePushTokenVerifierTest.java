package dev.gmailserverauth.google;

import static dev.gmailserverauth.google.GoogleRoundTripTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.PushVerification;
import dev.gmailserverauth.domain.model.PushVerification.Reason;
import dev.gmailserverauth.google.pubsub.GooglePushTokenVerifier;
import dev.gmailserverauth.google.pubsub.GooglePushVerifierConfig;
import dev.gmailserverauth.sandbox.SandboxPushFault;
import dev.gmailserverauth.sandbox.SandboxPushFault.Kind;
import dev.gmailserverauth.sandbox.SandboxPushSubscription;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link GooglePushTokenVerifier} on tokens the sandbox's Pub/Sub pushes, checked against its key set over real HTTP. */
class GooglePushTokenVerifierTest {
    private static final String TOPIC = "projects/sandbox-project/topics/verifier";
    private static final String PUSH_ACCOUNT = "gmail-push@sandbox-project.iam.gserviceaccount.com";
    private static final String AUDIENCE = "https://app.example.com/gmail/push";
    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();
    static final PushSink sink = new PushSink();
    private static GooglePushTokenVerifier verifier;

    @BeforeAll
    static void subscribe() {
        sandbox.control().pubSub().createPushSubscription(new SandboxPushSubscription("projects/sandbox-project/subscriptions/verifier",
                TOPIC, sink.url(), AUDIENCE, PUSH_ACCOUNT));
        verifier = GooglePushTokenVerifier.create(config(URI.create(sandbox.sandbox.baseUrl() + "/oauth2/v3/certs")), Clock.systemUTC());
    }

    @AfterAll
    static void closeSink() {
        sink.close();
    }

    private static GooglePushVerifierConfig config(URI certs) {
        return GooglePushVerifierConfig.forGoogle(AUDIENCE, PUSH_ACCOUNT).withCertsUrl(certs);
    }

    /** The token of the push {@code users.watch} sends at once for a new mailbox: forged that way first, when asked. */
    private static String pushedToken(Optional<Kind> forgery) throws InterruptedException {
        String email = sandbox.newAccount("push");
        var token = sandbox.access(email, true);
        forgery.ifPresent(kind -> sandbox.control().pubSub().injectPushFault(SandboxPushFault.of(kind), 1));
        ok(sandbox.adapters.mailboxChanges().watch(token, TOPIC));
        return sink.await(email, forgery.isPresent() ? 2 : 1).get(0).token();
    }

    @Test
    void aGenuinePushTokenIsVerified() throws InterruptedException {
        assertThat(verifier.verify(Optional.of(pushedToken(Optional.empty())))).isInstanceOf(PushVerification.Verified.class);
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(
                Arguments.of(Kind.BAD_SIGNATURE, Reason.BAD_SIGNATURE),
                Arguments.of(Kind.UNKNOWN_KEY, Reason.UNKNOWN_KEY),
                Arguments.of(Kind.WRONG_AUDIENCE, Reason.WRONG_AUDIENCE),
                Arguments.of(Kind.WRONG_EMAIL, Reason.WRONG_EMAIL),
                Arguments.of(Kind.EMAIL_NOT_VERIFIED, Reason.EMAIL_NOT_VERIFIED),
                Arguments.of(Kind.EXPIRED, Reason.EXPIRED),
                Arguments.of(Kind.OTHER_ISSUER, Reason.WRONG_ISSUER),
                Arguments.of(Kind.UNSIGNED, Reason.BAD_SIGNATURE));
    }

    @ParameterizedTest
    @MethodSource("forgeries")
    void aForgedPushTokenIsRefusedForItsReason(Kind forgery, Reason reason) throws InterruptedException {
        PushVerification verification = verifier.verify(Optional.of(pushedToken(Optional.of(forgery))));

        assertThat(verification).isEqualTo(new PushVerification.Refused(reason));
        assertThat(reason.forbidden()).isEqualTo(List.of(Reason.WRONG_AUDIENCE, Reason.WRONG_EMAIL, Reason.EMAIL_NOT_VERIFIED).contains(reason));
    }

    @Test
    void noTokenIsMissingAndGarbageIsMalformed() {
        assertThat(verifier.verify(Optional.empty())).isEqualTo(new PushVerification.Refused(Reason.MISSING));
        assertThat(verifier.verify(Optional.of("  "))).isEqualTo(new PushVerification.Refused(Reason.MISSING));
        assertThat(verifier.verify(Optional.of("not-a-jwt"))).isEqualTo(new PushVerification.Refused(Reason.MALFORMED));
        assertThat(verifier.verify(Optional.of("x".repeat(20_000)))).isEqualTo(new PushVerification.Refused(Reason.MALFORMED));
    }

    @Test
    void anUnreachableKeySetIsKeysUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        GooglePushTokenVerifier offline = GooglePushTokenVerifier.create(config(URI.create("http://127.0.0.1:" + closedPort + "/oauth2/v3/certs")),
                Clock.systemUTC());

        assertThat(offline.verify(Optional.of(pushedToken(Optional.empty())))).isInstanceOf(PushVerification.KeysUnavailable.class);
    }
}
