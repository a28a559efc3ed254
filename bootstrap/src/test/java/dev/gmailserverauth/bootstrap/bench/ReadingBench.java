package dev.gmailserverauth.bootstrap.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.bootstrap.ApiClient;
import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.bootstrap.HttpSignIn;
import dev.gmailserverauth.bootstrap.TestApps;
import dev.gmailserverauth.sandbox.Counters;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxLimits;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reading (issue 15): Google round trips and p50 of a conversation page ({@code /threads/{id}}) and of a
 * message with attachments (its page, then one download), at 0 and 50 ms injected latency. The demo's
 * "Project Apollo kickoff" (5 messages) and "Invoice April 2026" (a PDF and a CSV) are used.
 */
final class ReadingBench {
    private static final Duration INJECTED = Duration.ofMillis(50);

    private final ApiClient api;

    ReadingBench(ApiClient api) {
        this.api = api;
    }

    List<Benchmarks.Row> run() throws Exception {
        List<Benchmarks.Row> rows = new ArrayList<>();
        // What reading costs the app, not Gmail's per-user limits (a new project's table would refuse this many reads a minute).
        try (GmailServerAuth app = TestApps.startSandboxApp(Benchmarks.UNMETERED)) {
            SandboxControl control = app.sandbox().orElseThrow().control();
            control.setLimits(SandboxLimits.unlimited());
            String cookie = new HttpSignIn().signIn(app.baseUrl(), control.demoAccounts().get(0));
            JsonObject kickoff = first(app, cookie, "subject:kickoff");
            JsonObject invoice = first(app, cookie, "subject:\"Invoice April 2026\"");
            URI conversation = app.baseUrl().resolve("/threads/" + kickoff.get("threadId").getAsString());
            URI message = app.baseUrl().resolve("/messages/" + invoice.get("id").getAsString());
            URI download = app.baseUrl().resolve("/messages/" + invoice.get("id").getAsString() + "/attachments/1");

            String conversationTrips = trips(control, () -> Benchmarks.expectOk(api.get(conversation, cookie)));
            String messageTrips = trips(control, () -> Benchmarks.expectOk(api.get(message, cookie)));
            String downloadTrips = trips(control, () -> Benchmarks.expectOk(api.get(download, cookie)));

            Stats conversationFast = Benchmarks.time(200, 100, () -> Benchmarks.expectOk(api.get(conversation, cookie)));
            Stats messageFast = Benchmarks.time(200, 100, () -> Benchmarks.expectOk(api.get(message, cookie)));
            Stats downloadFast = Benchmarks.time(200, 100, () -> Benchmarks.expectOk(api.get(download, cookie)));
            control.setLatency(INJECTED);
            Stats conversationSlow = Benchmarks.time(5, 30, () -> Benchmarks.expectOk(api.get(conversation, cookie)));
            Stats messageSlow = Benchmarks.time(5, 30, () -> Benchmarks.expectOk(api.get(message, cookie)));
            Stats downloadSlow = Benchmarks.time(5, 30, () -> Benchmarks.expectOk(api.get(download, cookie)));
            control.setLatency(Duration.ZERO);

            rows.add(row("conversation page /threads/{id} (5 messages): Google round trips, p50 at 0 ms / 50 ms injected",
                    "1 threads.get", conversationTrips, conversationFast, conversationSlow,
                    "threads.get for every message at once; labels.list runs beside it (parallel) for the label names"));
            rows.add(row("message page with 2 attachments /messages/{id}: round trips, p50 at 0 ms / 50 ms injected",
                    "1 messages.get", messageTrips, messageFast, messageSlow, "labels.list beside it, as on the conversation page"));
            rows.add(row("one attachment download /messages/{id}/attachments/{part}: round trips, p50 at 0 ms / 50 ms injected",
                    "2", downloadTrips, downloadFast, downloadSlow,
                    "messages.get (name, type, size, a current attachment id: Gmail's ids change per read) then messages.attachments.get"));
        }
        return rows;
    }

    private JsonObject first(GmailServerAuth app, String cookie, String query) {
        URI uri = app.baseUrl().resolve("/api/messages?maxResults=50&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        var messages = JsonParser.parseString(Benchmarks.expectOk(api.get(uri, cookie)).body()).getAsJsonObject().getAsJsonArray("messages");
        return messages.get(messages.size() - 1).getAsJsonObject();
    }

    /** The round trips one request made, by endpoint: {@code 2 (threads.get 1, labels.list 1)}. */
    private static String trips(SandboxControl control, Benchmarks.Action request) throws Exception {
        control.resetCounters();
        request.run();
        Counters counters = control.counters();
        String each = Stream.of(Endpoint.values()).filter(e -> counters.roundTrips(e) > 0)
                .map(e -> e.name().toLowerCase() + " " + counters.roundTrips(e)).collect(Collectors.joining(", "));
        return counters.totalRoundTrips() + " (" + each + ")";
    }

    private static Benchmarks.Row row(String metric, String target, String trips, Stats fast, Stats slow, String note) {
        return new Benchmarks.Row(metric, target, trips + "; " + Benchmarks.ms(fast.percentileMillis(50)) + " / "
                + Benchmarks.ms(slow.percentileMillis(50)) + " (n=" + fast.count() + " / " + slow.count() + ")", note, true);
    }
}
