package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.gmailserverauth.application.World;
import dev.gmailserverauth.application.events.ReadEvents;
import dev.gmailserverauth.domain.event.AccountEvent;
import dev.gmailserverauth.domain.event.EventPayload;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.web.events.EventsWeb;
import dev.gmailserverauth.web.events.StreamLimits;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code GET /api/events} over HTTP: who may open it, what it says, resumption, bounds, and when it closes. */
class EventStreamsApiTest {
    private final World world = new World();
    private final UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 1);
    private final UserIdentity bob = TestApp.accountWithMail(world, "bob@example.com", 1);

    private Javalin app(StreamLimits limits) {
        return TestApp.builder(world, () -> true).config(WebConfig.of(TestApp.BASE_URL))
                .events(new EventsWeb(new ReadEvents(world.events), Clock.systemUTC(), limits)).build();
    }

    private Javalin app() {
        return app(StreamLimits.defaults());
    }

    private AccountEvent accessEnding(UserIdentity account) {
        return world.events.append(new NewEvent(account.userId(), account.email(), World.START, new EventPayload.AccessEnding(World.START.plusSeconds(3600))));
    }

    private static SseStream stream(Browser browser, Optional<String> lastEventId) {
        return SseStream.listening(browser.origin(), "/api/events", browser.cookie(), lastEventId);
    }

    @Test
    void signedOutIsRefusedWith401AndTheDocumentedError() {
        TestApp.run(app(), browser -> {
            SseStream refused = SseStream.open(browser.origin(), "/api/events", Optional.empty(), Optional.empty());
            assertThat(refused.status()).isEqualTo(401);
            String body = refused.body();
            OpenApiContract.get().check("GET", "/api/events", 401, body);
            assertThat(JsonParser.parseString(body).getAsJsonObject().get("error").getAsString()).isEqualTo("unauthenticated");
        });
    }

    @Test
    void withoutAcceptEventStreamIs406AndAMalformedLastEventIdIs400() {
        TestApp.run(app(), browser -> {
            TestApp.signIn(browser, world, alice);
            assertThat(browser.get("/api/events").status()).isEqualTo(406);
            SseStream malformed = SseStream.open(browser.origin(), "/api/events", browser.cookie(), Optional.of("evt_1; DROP"));
            assertThat(malformed.status()).isEqualTo(400);
            OpenApiContract.get().check("GET", "/api/events", 400, malformed.body());
            SseStream notMine = SseStream.open(browser.origin(), "/api/events?account=bob%40example.com", browser.cookie(), Optional.empty());
            assertThat(notMine.status()).as("another person's account is not found").isEqualTo(404);
        });
    }

    @Test
    void tellsTheSignedInPersonsEventsAsTheyAreWrittenAndNoOneElses() {
        TestApp.run(app(), browser -> {
            TestApp.signIn(browser, world, alice);
            try (SseStream events = stream(browser, Optional.empty())) {
                assertThat(events.status()).isEqualTo(200);
                assertThat(events.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
                accessEnding(bob);
                AccountEvent mine = accessEnding(alice);
                SseStream.Event received = events.next();
                assertThat(received.type()).isEqualTo("account.access_ending");
                assertThat(received.id()).contains(Long.toString(mine.position()));
                assertThat(received.data()).isEqualTo(mine.body());
            }
        });
    }

    @Test
    void lastEventIdResumesFromTheOutboxThenGoesOnLive() {
        TestApp.run(app(), browser -> {
            TestApp.signIn(browser, world, alice);
            AccountEvent seen = accessEnding(alice);
            AccountEvent missed1 = accessEnding(alice);
            accessEnding(bob);
            AccountEvent missed2 = accessEnding(alice);
            try (SseStream events = stream(browser, Optional.of(Long.toString(seen.position())))) {
                assertThat(events.next().id()).contains(Long.toString(missed1.position()));
                assertThat(events.next().id()).contains(Long.toString(missed2.position()));
                AccountEvent live = accessEnding(alice);
                assertThat(events.next().id()).contains(Long.toString(live.position()));
                assertThat(events.pending()).as("each event once").isEmpty();
            }
        });
    }

    @Test
    void anIdleStreamGetsKeepAliveComments() {
        TestApp.run(app(StreamLimits.defaults().withKeepAlive(Duration.ofMillis(200))), browser -> {
            TestApp.signIn(browser, world, alice);
            try (SseStream events = stream(browser, Optional.empty())) {
                assertThat(events.nextComment()).isEqualTo("keep-alive");
                assertThat(events.nextComment()).isEqualTo("keep-alive");
            }
        });
    }

    @Test
    void onePersonMayHoldTheirCapAndTheInstanceItsOwn() {
        TestApp.run(app(StreamLimits.defaults().withCaps(2, 3)), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser other = new Browser(browser.origin());
            TestApp.signIn(other, world, bob);
            try (SseStream a1 = stream(browser, Optional.empty()); SseStream a2 = stream(browser, Optional.empty())) {
                assertThat(List.of(a1.status(), a2.status())).containsOnly(200);
                SseStream a3 = SseStream.open(browser.origin(), "/api/events", browser.cookie(), Optional.empty());
                assertThat(a3.status()).isEqualTo(429);
                assertThat(a3.header("Retry-After")).isPresent();
                OpenApiContract.get().check("GET", "/api/events", 429, a3.body());
                try (SseStream b1 = stream(other, Optional.empty())) {
                    assertThat(b1.status()).isEqualTo(200);
                    SseStream b2 = SseStream.open(other.origin(), "/api/events", other.cookie(), Optional.empty());
                    assertThat(b2.status()).as("the instance's cap").isEqualTo(503);
                    OpenApiContract.get().check("GET", "/api/events", 503, b2.body());
                }
            }
        });
    }

    @Test
    void aClosedStreamGivesItsPlaceBack() {
        TestApp.run(app(StreamLimits.defaults().withCaps(1, 10).withKeepAlive(Duration.ofMillis(100))), browser -> {
            TestApp.signIn(browser, world, alice);
            SseStream first = stream(browser, Optional.empty());
            assertThat(first.status()).isEqualTo(200);
            first.close();
            // the server notices the gone client at its next write (a keep-alive) and frees the place
            long deadline = System.nanoTime() + SseStream.WAIT.toNanos();
            int status = 0;
            while (System.nanoTime() < deadline) {
                SseStream again = SseStream.open(browser.origin(), "/api/events", browser.cookie(), Optional.empty());
                status = again.status();
                again.close();
                if (status == 200) break;
                Thread.onSpinWait();
            }
            assertThat(status).isEqualTo(200);
        });
    }

    @Test
    void signingOutClosesTheSessionsStreams() {
        TestApp.run(app(), browser -> {
            TestApp.signIn(browser, world, alice);
            String csrf = browser.get("/messages").csrfToken();
            try (SseStream events = stream(browser, Optional.empty())) {
                assertThat(events.status()).isEqualTo(200);
                assertThat(browser.post("/logout", "csrf=" + csrf).status()).isEqualTo(303);
                SseStream.Event closed = events.next();
                assertThat(closed.type()).isEqualTo("stream.closed");
                assertThat(closed.data()).isEqualTo("{\"reason\":\"signed_out\"}");
                assertThat(events.endsWithin()).isTrue();
            }
        });
    }

    @Test
    void theGrantsEndClosesTheStreamAfterTellingIt() {
        TestApp.run(app(), browser -> {
            TestApp.signIn(browser, world, alice);
            try (SseStream events = stream(browser, Optional.empty())) {
                assertThat(events.status()).isEqualTo(200);
                world.events.append(new NewEvent(alice.userId(), alice.email(), World.START, new EventPayload.AccountDisconnected()));
                assertThat(events.next().type()).isEqualTo("account.disconnected");
                SseStream.Event closed = events.next();
                assertThat(closed.type()).isEqualTo("stream.closed");
                assertThat(closed.data()).isEqualTo("{\"reason\":\"grant_ended\"}");
                assertThat(events.endsWithin()).isTrue();
            }
        });
    }

    @Test
    void moreStreamsThanRequestThreadsLeaveTheServerAnswering() {
        int streams = 140; // the server has 128 request threads (WebThreads)
        TestApp.run(app(StreamLimits.defaults().withCaps(streams + 1, streams + 1)), browser -> {
            TestApp.signIn(browser, world, alice);
            List<SseStream> open = new ArrayList<>();
            try {
                for (int i = 0; i < streams; i++) open.add(SseStream.open(browser.origin(), "/api/events", browser.cookie(), Optional.empty()));
                assertThat(open).allSatisfy(stream -> assertThat(stream.status()).isEqualTo(200));
                assertThat(browser.get("/health").status()).isEqualTo(200);
                assertThat(browser.get("/api/me").status()).isEqualTo(200);
                try (SseStream last = stream(browser, Optional.empty())) {
                    AccountEvent event = accessEnding(alice);
                    assertThat(last.next().id()).contains(Long.toString(event.position()));
                }
            } finally {
                open.forEach(SseStream::close);
            }
        });
    }
}
