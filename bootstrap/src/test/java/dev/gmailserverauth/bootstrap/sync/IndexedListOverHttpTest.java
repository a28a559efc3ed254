package dev.gmailserverauth.bootstrap.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.bootstrap.ApiClient;
import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.bootstrap.HttpSignIn;
import dev.gmailserverauth.bootstrap.TestApps;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxLimits;
import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.testing.Eventually;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/messages} over real HTTP with the sync on and a backfill much smaller than the demo mailbox (about 300
 * messages, 20 indexed): the pages inside the index's window cost Google nothing (the sandbox's counters), the page past
 * its edge is Gmail's, and walking every page gives exactly what Gmail's own list gives, each message once.
 */
class IndexedListOverHttpTest {
    private static final Duration BOUND = Duration.ofSeconds(90);
    private final ApiClient api = new ApiClient();
    private GmailServerAuth app;
    private SandboxControl control;
    private String cookie;

    /** One page as the API answered it. */
    private record Listed(List<String> ids, Optional<String> next, boolean indexed) {
    }

    @BeforeEach
    void signInAndWaitForTheBackfill() {
        // The test reads the whole mailbox twice (the walk, and Gmail's own list to compare with): more than a minute's
        // quota. Both sides are unmetered; with the app still pacing at 6,000 units a minute, Gmail's list to compare
        // with came back partial (its missing ids listed), which is right for the app and useless for the comparison.
        app = TestApps.startSandboxApp(Map.of("APP_SYNC", "on", "APP_SYNC_BACKFILL", "20", "APP_SYNC_POLL_INTERVAL", "PT1H",
                "GMAIL_QUOTA_UNITS_PER_MINUTE", "10000000"));
        control = app.sandbox().orElseThrow().control();
        control.setLimits(SandboxLimits.unlimited());
        cookie = new HttpSignIn().signIn(app.baseUrl(), control.demoAccounts().get(0));
        Eventually.await("the backfill is in the index", BOUND, () -> {
            JsonObject sync = JsonParser.parseString(api.get(app.baseUrl().resolve("/api/sync"), cookie).body()).getAsJsonObject();
            return set(sync, "watchExpires") && !sync.get("backfilling").getAsBoolean();
        });
    }

    /** Round trips of the list's own calls (list, get, batch); the sync's history reads in the background are not the page's. */
    private long listTrips() {
        Map<Endpoint, Long> trips = control.counters().roundTrips();
        return trips.getOrDefault(Endpoint.MESSAGES_LIST, 0L) + trips.getOrDefault(Endpoint.MESSAGES_GET, 0L) + trips.getOrDefault(Endpoint.BATCH, 0L);
    }

    private static boolean set(JsonObject json, String field) {
        return json.has(field) && !json.get(field).isJsonNull();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theWholeListInsideTheWindowCostsNoGoogleCallAndThePagesPastItAreGmails() {
        assertViewServedFromTheIndexThenByGmail("");
    }

    @Test
    void theInboxInsideTheWindowCostsNoGoogleCallAndThePagesPastItAreGmails() {
        assertViewServedFromTheIndexThenByGmail("in:inbox");
    }

    @Test
    void anOwnLabelByNameIsServedFromTheIndexOnceTheLabelsWereListed() {
        String alice = control.demoAccounts().get(0);
        String label = "Receipts 2026/Q4";
        List<String> delivered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            delivered.add(0, control.addMessage(alice, SandboxMessage.of("Shop <shop@example.com>", alice, "Receipt " + i,
                    Instant.now().plusSeconds(i), "Thank you").withLabels(List.of("INBOX", label))));
        }
        String search = "label:receipts-2026-q4";
        assertThat(page(search, Optional.empty(), 50).indexed()).as("the names are not known before a label list").isFalse();
        // The labels are listed at Gmail (the sidebar of every page does it too); then the view is the index's, once the
        // sync followed the push of the new mail.
        assertThat(api.get(app.baseUrl().resolve("/api/labels"), cookie).body()).contains(label);
        List<Listed> served = new ArrayList<>();
        Eventually.await("the label's view served from the index", BOUND, () -> {
            control.resetCounters();
            Listed page = page(search, Optional.empty(), 50);
            served.clear();
            served.add(page);
            return page.indexed() && listTrips() == 0 && page.ids().size() == 3;
        });
        assertThat(served.get(0).ids()).containsExactlyElementsOf(delivered).containsExactlyElementsOf(gmailOnly(search));
    }

    @Test
    void hostilePageTokensAreRefusedWithA400AndNoGoogleCall() {
        control.resetCounters();
        for (String token : List.of("abc.def", "12.bad!id", "1.", "99999999999999999999.a", "1.a.")) {
            HttpResponse<String> response = api.get(messages("", Optional.of(token), 5), cookie);
            assertThat(response.statusCode()).as(token).isEqualTo(400);
            assertThat(response.body()).as(token).contains("page token");
        }
        assertThat(listTrips()).isZero();
        assertThat(api.get(messages("", Optional.of("not-a-gmail-token"), 5), cookie).statusCode()).as("Gmail refuses its own kind").isEqualTo(400);
    }

    private void assertViewServedFromTheIndexThenByGmail(String search) {
        List<String> walked = new ArrayList<>();
        List<Listed> edge = new ArrayList<>();
        // A push that arrives meanwhile (the watch's first one comes soon after it is set) makes the index not current
        // until it is followed: the walk through the window starts over until it went through with no push in between.
        Eventually.await("a walk through the index's window with no Google call", BOUND, () -> {
            walked.clear();
            edge.clear();
            control.resetCounters();
            Listed page = page(search, Optional.empty(), 4);
            int indexedPages = 0;
            long tripsInTheWindow = 0;
            while (page.indexed()) {
                indexedPages++;
                walked.addAll(page.ids());
                tripsInTheWindow = listTrips();
                page = page(search, page.next(), 4);
            }
            edge.add(page);
            return indexedPages >= 2 && tripsInTheWindow == 0 && walked.size() < 20;
        });
        Listed page = edge.get(0);
        assertThat(listTrips()).as("past the edge Gmail answers").isPositive();
        walked.addAll(page.ids());
        while (page.next().isPresent()) {
            page = page(search, page.next(), 100);
            assertThat(page.indexed()).isFalse();
            walked.addAll(page.ids());
        }
        List<String> atGmail = gmailOnly(search);
        assertThat(walked).as("every message once, in Gmail's order %s", String.join("\n", trace)).containsExactlyElementsOf(atGmail);
        assertThat(walked.size()).isGreaterThan(20);
        control.resetCounters();
        assertThat(page(search, Optional.empty(), 4).indexed()).isTrue();
        assertThat(listTrips()).as("a repeat view of the first page").isZero();
    }

    /** The same list as Gmail gives it: a search the index never answers (everything before the year 2286). */
    private List<String> gmailOnly(String search) {
        String q = (search + " before:9999999999").strip();
        List<String> ids = new ArrayList<>();
        Listed page = page(q, Optional.empty(), 500);
        ids.addAll(page.ids());
        while (page.next().isPresent()) {
            page = page(q, page.next(), 500);
            ids.addAll(page.ids());
        }
        return ids;
    }

    private final List<String> trace = new ArrayList<>();

    private Listed page(String search, Optional<String> token, int size) {
        HttpResponse<String> response = api.get(messages(search, token, size), cookie);
        trace.add(token + " -> " + response.body().replaceAll("\"(snippet|subject|from|threadId)\":\"[^\"]*\",?", ""));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        assertThat(body.get("partial").getAsBoolean()).as("a whole page: %s", response.body()).isFalse();
        List<String> ids = new ArrayList<>();
        for (JsonElement message : body.getAsJsonArray("messages")) ids.add(message.getAsJsonObject().get("id").getAsString());
        JsonElement next = body.get("nextPageToken");
        return new Listed(ids, next == null || next.isJsonNull() ? Optional.empty() : Optional.of(next.getAsString()),
                !body.get("indexedAt").isJsonNull());
    }

    private URI messages(String search, Optional<String> token, int size) {
        return app.baseUrl().resolve("/api/messages?maxResults=" + size + "&q=" + URLEncoder.encode(search, StandardCharsets.UTF_8)
                + token.map(t -> "&pageToken=" + URLEncoder.encode(t, StandardCharsets.UTF_8)).orElse(""));
    }
}
