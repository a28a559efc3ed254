package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.error.StorageException;
import dev.gmailserverauth.domain.model.SecurityEvent;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.port.SecurityEventVerifier;
import dev.gmailserverauth.web.risc.RiscRoutes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The security event receiver over HTTP, with FakeGoogle's stand-in issuer; the real verifier is tested in bootstrap. */
class RiscRoutesTest {
    private final World world = new World();
    private final UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 1);

    private static Browser.Response post(Browser browser, String path, String contentType, String body) {
        return browser.send(HttpRequest.newBuilder(URI.create(browser.origin() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Browser.Response deliver(Browser browser, String token) {
        return post(browser, "/risc/events", "application/secevent+jwt", token);
    }

    @Test
    void anAcceptedTokenIs202AndEndsThePersonsSessions() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            assertThat(browser.get("/messages").status()).isEqualTo(200);
            // Sent with the person's cookie on purpose: the receiver ignores sessions and CSRF.
            Browser.Response answer = deliver(browser, world.riscIssuer.sign(new SecurityEvent.SessionsRevoked(alice.userId())));
            assertThat(answer.status()).isEqualTo(202);
            assertThat(answer.body()).isEmpty();
            assertThat(browser.get("/messages").status()).isEqualTo(302);
        });
    }

    @Test
    void aReplayIsAlso202() {
        TestApp.run(TestApp.app(world), browser -> {
            String token = world.riscIssuer.sign(new SecurityEvent.Verification(Optional.of("s")));
            assertThat(deliver(browser, token).status()).isEqualTo(202);
            assertThat(deliver(browser, token).status()).isEqualTo(202);
        });
    }

    @Test
    void aRefusedTokenIs400WithItsRfc8935Code() {
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response answer = deliver(browser, world.riscIssuer.spoiled(SecurityEventVerifier.Error.INVALID_AUDIENCE, "aud is not ours"));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(answer.body()).contains("\"err\":\"invalid_audience\"", "\"description\":\"aud is not ours\"");
        });
    }

    @Test
    void aTokenThatCannotBeDecidedNowIs503WithRetryAfterSoThatItIsDeliveredAgain() {
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response answer = deliver(browser, world.riscIssuer.undecidable("the issuer's key set is out of reach",
                    Duration.ofMillis(29_200)));
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).hasValue("30");
            assertThat(answer.body()).contains("\"err\":\"temporarily_unavailable\"", "out of reach");
        });
    }

    @Test
    void aStoreFailureWhileHandlingIs503WithRetryAfterNotARefusal() {
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response answer = deliver(browser, world.riscIssuer.failing(new StorageException("the database is down")));
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).hasValue(Long.toString(RiscRoutes.STORE_RETRY_AFTER.toSeconds()));
            assertThat(answer.body()).contains("\"err\":\"temporarily_unavailable\"", "deliver it again later")
                    .doesNotContain("database");
        });
    }

    @Test
    void anotherContentTypeIs400() {
        TestApp.run(TestApp.app(world), browser -> {
            String token = world.riscIssuer.sign(new SecurityEvent.SessionsRevoked(alice.userId()));
            Browser.Response answer = post(browser, "/risc/events", "application/json", token);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("invalid_request", "application/secevent+jwt");
        });
    }

    @Test
    void aMediaTypeThatOnlyBeginsLikeTheRightOneIsRefused() {
        TestApp.run(TestApp.app(world), browser -> {
            String token = world.riscIssuer.sign(new SecurityEvent.SessionsRevoked(alice.userId()));
            for (String type : new String[] {"application/secevent+jwtx", "application/secevent+jwt-foo", "application/secevent+jwt.x"}) {
                Browser.Response answer = post(browser, "/risc/events", type, token);
                assertThat(answer.status()).as(type).isEqualTo(400);
                assertThat(answer.body()).as(type).contains("invalid_request", "Content-Type must be application/secevent+jwt");
            }
        });
    }

    @Test
    void theRightMediaTypeWithParametersOrInAnotherCaseIsAccepted() {
        TestApp.run(TestApp.app(world), browser -> {
            for (String type : new String[] {"application/secevent+jwt; charset=utf-8", "Application/SecEvent+JWT", "application/secevent+jwt ;charset=UTF-8"}) {
                String token = world.riscIssuer.sign(new SecurityEvent.Verification(Optional.of(type)));
                assertThat(post(browser, "/risc/events", type, token).status()).as(type).isEqualTo(202);
            }
        });
    }

    @Test
    void anOversizedBodyIs400NotAServerError() {
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response answer = deliver(browser, "x".repeat(RiscRoutes.MAX_BODY_BYTES + 1));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("larger than");
        });
    }

    @Test
    void theReceiverPathIsConfigurable() {
        TestApp.run(TestApp.app(world, WebConfig.of(TestApp.BASE_URL).withRiscReceiverPath("/google/security-events")), browser -> {
            String token = world.riscIssuer.sign(new SecurityEvent.Verification(Optional.of("s")));
            assertThat(post(browser, "/google/security-events", "application/secevent+jwt", token).status()).isEqualTo(202);
            assertThat(deliver(browser, token).status()).isEqualTo(404);
        });
    }
}
