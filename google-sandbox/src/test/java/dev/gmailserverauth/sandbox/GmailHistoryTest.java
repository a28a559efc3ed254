package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.History;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.WatchRequest;
import com.google.api.services.gmail.model.WatchResponse;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** users.getProfile's historyId, users.history.list, users.watch and users.stop, read with Google's Java client. */
class GmailHistoryTest {
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start();

    private record Mailbox(String email, Gmail gmail) {}

    private Mailbox freshMailbox() throws IOException {
        String email = h.freshAccount("history", "History Person");
        return new Mailbox(email, h.gmail(h.login(email).getAccessToken()));
    }

    private String deliver(Mailbox m, String subject) {
        return h.control().addMessage(m.email(), SandboxMessage.of("sender@example.org", m.email(), subject, Instant.now(), "body"));
    }

    private static BigInteger profileHistoryId(Mailbox m) throws IOException {
        return m.gmail().users().getProfile("me").execute().getHistoryId();
    }

    @Test
    void getProfileGivesTheCurrentHistoryIdAsAStringAndItGrowsWithEachChange() throws IOException {
        Mailbox m = freshMailbox();
        BigInteger before = profileHistoryId(m);
        deliver(m, "one");
        BigInteger after = profileHistoryId(m);

        assertThat(after).isGreaterThan(before);
        HttpResponse<String> raw = h.getWithToken("/gmail/v1/users/me/profile", h.login(m.email()).getAccessToken());
        JsonObject profile = SandboxHarness.json(raw);
        assertThat(profile.keySet()).containsExactlyInAnyOrder("emailAddress", "messagesTotal", "threadsTotal", "historyId");
        assertThat(profile.get("historyId").getAsJsonPrimitive().isString()).isTrue();
        assertThat(profile.get("emailAddress").getAsString()).isEqualTo(m.email());
    }

    @Test
    void historyListRecordsEveryKindOfChangeOldestFirstWithGaps() throws IOException {
        Mailbox m = freshMailbox();
        BigInteger start = profileHistoryId(m);
        String id = deliver(m, "arrives");
        h.control().history().modifyLabels(m.email(), id, List.of("STARRED", "Receipts"), List.of("UNREAD"));
        h.control().history().deleteMessage(m.email(), id);

        ListHistoryResponse page = m.gmail().users().history().list("me").setStartHistoryId(start).execute();

        List<History> records = page.getHistory();
        assertThat(records).hasSize(4);
        assertThat(records.get(0).getMessagesAdded().get(0).getMessage().getId()).isEqualTo(id);
        assertThat(records.get(0).getMessagesAdded().get(0).getMessage().getLabelIds()).containsExactlyInAnyOrder("INBOX", "UNREAD");
        assertThat(records.get(1).getLabelsAdded().get(0).getLabelIds()).hasSize(2).contains("STARRED");
        assertThat(records.get(2).getLabelsRemoved().get(0).getLabelIds()).containsExactly("UNREAD");
        assertThat(records.get(2).getLabelsRemoved().get(0).getMessage().getLabelIds()).contains("INBOX", "STARRED").doesNotContain("UNREAD");
        assertThat(records.get(3).getMessagesDeleted().get(0).getMessage().getId()).isEqualTo(id);
        assertThat(records).allSatisfy(r -> assertThat(r.getMessages()).singleElement().satisfies(msg -> assertThat(msg.getId()).isEqualTo(id)));
        for (int i = 1; i < records.size(); i++) assertThat(records.get(i).getId()).isGreaterThan(records.get(i - 1).getId());
        assertThat(page.getHistoryId()).isEqualTo(records.get(3).getId()).isEqualTo(profileHistoryId(m));
        assertThat(page.getNextPageToken()).isNull();
        assertThatThrownBy(() -> m.gmail().users().messages().get("me", id).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void noChangesMeansNoHistoryKeyAndTheSameHistoryId() throws IOException {
        Mailbox m = freshMailbox();
        BigInteger start = profileHistoryId(m);

        ListHistoryResponse page = m.gmail().users().history().list("me").setStartHistoryId(start).execute();

        assertThat(page.getHistory()).isNull();
        assertThat(page.getHistoryId()).isEqualTo(start);
    }

    @Test
    void historyTypesAndLabelIdSelectRecords() throws IOException {
        Mailbox m = freshMailbox();
        BigInteger start = profileHistoryId(m);
        String first = deliver(m, "first");
        String second = h.control().addMessage(m.email(), SandboxMessage.of("a@example.org", m.email(), "archived", Instant.now(), "x")
                .withLabels(List.of("Travel")));
        h.control().history().modifyLabels(m.email(), first, List.of(), List.of("INBOX"));

        ListHistoryResponse added = m.gmail().users().history().list("me").setStartHistoryId(start)
                .setHistoryTypes(List.of("messageAdded")).execute();
        ListHistoryResponse labelChanges = m.gmail().users().history().list("me").setStartHistoryId(start)
                .setHistoryTypes(List.of("labelAdded", "labelRemoved")).execute();
        ListHistoryResponse inbox = m.gmail().users().history().list("me").setStartHistoryId(start).setLabelId("INBOX").execute();

        assertThat(added.getHistory()).extracting(r -> r.getMessagesAdded().get(0).getMessage().getId()).containsExactly(first, second);
        assertThat(labelChanges.getHistory()).singleElement().satisfies(r -> assertThat(r.getLabelsRemoved()).isNotNull());
        assertThat(inbox.getHistory()).extracting(r -> r.getMessages().get(0).getId()).containsExactly(first, first);
        assertThatThrownBy(() -> m.gmail().users().history().list("me").setStartHistoryId(start).setHistoryTypes(List.of("everything")).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void pagesFollowNextPageTokenToTheEndAndEachCarriesTheCurrentHistoryId() throws IOException {
        Mailbox m = freshMailbox();
        BigInteger start = profileHistoryId(m);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) sent.add(deliver(m, "n" + i));
        BigInteger current = profileHistoryId(m);

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ListHistoryResponse page = m.gmail().users().history().list("me").setStartHistoryId(start).setMaxResults(2L)
                    .setPageToken(token).execute();
            page.getHistory().forEach(r -> seen.add(r.getMessagesAdded().get(0).getMessage().getId()));
            assertThat(page.getHistoryId()).isEqualTo(current);
            token = page.getNextPageToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(sent);
    }

    @Test
    void aStartOlderThanTheKeptHistoryIs404AndAFutureStartIsEmpty() throws IOException {
        Mailbox m = freshMailbox();
        BigInteger start = profileHistoryId(m);
        deliver(m, "old");
        BigInteger middle = profileHistoryId(m);
        deliver(m, "between");  // dropped below: the history from the middle is no longer whole, whatever the gaps between ids
        deliver(m, "new");
        h.control().history().expireHistoryBelow(m.email(), profileHistoryId(m).toString());

        assertThatThrownBy(() -> m.gmail().users().history().list("me").setStartHistoryId(start).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("notFound");
                });
        assertThatThrownBy(() -> m.gmail().users().history().list("me").setStartHistoryId(middle).execute())
                .isInstanceOf(GoogleJsonResponseException.class);
        ListHistoryResponse future = m.gmail().users().history().list("me").setStartHistoryId(profileHistoryId(m).add(BigInteger.TEN)).execute();
        assertThat(future.getHistory()).isNull();
        assertThat(future.getHistoryId()).isEqualTo(profileHistoryId(m));
    }

    @Test
    void recordsOlderThanTheRetentionAreGone() throws IOException {
        try (GoogleSandbox own = GoogleSandbox.start(SandboxConfig.defaults(List.of(SandboxHarness.REDIRECT)).withDemoData(false))) {
            SandboxHarness other = new SandboxHarness(own);
            String email = other.freshAccount("retained", "Retained Person");
            Mailbox m = new Mailbox(email, other.gmail(other.login(email).getAccessToken()));
            BigInteger start = profileHistoryId(m);
            own.control().addMessage(email, SandboxMessage.of("s@example.org", email, "kept", Instant.now(), "b"));
            own.control().history().setHistoryRetention(Duration.ofHours(3));

            assertThat(m.gmail().users().history().list("me").setStartHistoryId(start).execute().getHistory()).hasSize(1);
            own.control().advanceClock(Duration.ofHours(3).plusSeconds(1));
            Gmail fresh = other.gmail(other.login(email).getAccessToken());
            assertThatThrownBy(() -> fresh.users().history().list("me").setStartHistoryId(start).execute())
                    .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
        }
    }

    @Test
    void aMissingStartHistoryIdIs400() throws IOException {
        Mailbox m = freshMailbox();
        HttpResponse<String> response = h.getWithToken("/gmail/v1/users/me/history", h.login(m.email()).getAccessToken());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("startHistoryId");
    }

    @Test
    void watchValidatesTheTopicAndAnswersTheHistoryIdAndAnExpirationSevenDaysAhead() throws IOException {
        Mailbox m = freshMailbox();
        Instant before = Instant.now();

        WatchResponse watch = m.gmail().users().watch("me", new WatchRequest().setTopicName("projects/sandbox-project/topics/gmail")
                .setLabelIds(List.of("INBOX")).setLabelFilterBehavior("INCLUDE")).execute();

        assertThat(watch.getHistoryId()).isEqualTo(profileHistoryId(m));
        assertThat(Instant.ofEpochMilli(watch.getExpiration())).isBetween(before.plus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(7)));
        assertThat(h.control().history().watchedTopic(m.email())).contains("projects/sandbox-project/topics/gmail");
        for (String bad : List.of("", "gmail", "projects/other-project/topics/gmail", "projects/sandbox-project/subscriptions/s")) {
            assertThatThrownBy(() -> m.gmail().users().watch("me", new WatchRequest().setTopicName(bad)).execute())
                    .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
        }
        assertThatThrownBy(() -> m.gmail().users().watch("me", new WatchRequest().setTopicName("projects/sandbox-project/topics/gmail")
                .setLabelFilterBehavior("sometimes")).execute()).isInstanceOf(GoogleJsonResponseException.class);
    }

    @Test
    void watchExpirationIsAJsonStringAndStopAnswersNoContent() throws IOException {
        Mailbox m = freshMailbox();
        String token = h.login(m.email()).getAccessToken();
        HttpResponse<String> watch = h.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(h.url("/gmail/v1/users/me/watch")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"topicName\":\"projects/sandbox-project/topics/t\"}")).build());
        JsonObject body = SandboxHarness.json(watch);
        assertThat(body.get("expiration").getAsJsonPrimitive().isString()).isTrue();
        assertThat(body.get("historyId").getAsJsonPrimitive().isString()).isTrue();

        m.gmail().users().stop("me").execute();

        assertThat(h.control().history().watchedTopic(m.email())).isEmpty();
    }

    @Test
    void historyListWorksAsABatchPart() throws IOException {
        Mailbox m = freshMailbox();
        BigInteger start = profileHistoryId(m);
        deliver(m, "batched");
        List<Object> answers = new ArrayList<>();
        JsonBatchCallback<ListHistoryResponse> onHistory = new JsonBatchCallback<>() {
            @Override public void onSuccess(ListHistoryResponse response, HttpHeaders headers) {
                answers.add(response);
            }

            @Override public void onFailure(GoogleJsonError error, HttpHeaders headers) {
                answers.add(error);
            }
        };

        var batch = m.gmail().batch();
        m.gmail().users().history().list("me").setStartHistoryId(start).queue(batch, onHistory);
        batch.execute();

        assertThat(answers).singleElement().isInstanceOfSatisfying(ListHistoryResponse.class,
                page -> assertThat(page.getHistory()).singleElement().satisfies(r -> assertThat(r.getMessagesAdded()).hasSize(1)));
    }

    @Test
    void hostileWatchBodiesAre400s() throws IOException {
        Mailbox m = freshMailbox();
        String token = h.login(m.email()).getAccessToken();
        for (String body : List.of("{", "[1]", "\"x\"", "{\"topicName\":{}}", "{\"topicName\":\"projects/sandbox-project/topics/t\",\"labelIds\":\"INBOX\"}",
                "{\"topicName\":\"projects/sandbox-project/topics/t\",\"labelIds\":[{}]}")) {
            HttpResponse<String> response = h.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(h.url("/gmail/v1/users/me/watch")))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
            assertThat(response.statusCode()).as(body).isEqualTo(400);
        }
        assertThat(h.control().history().watchedTopic(m.email())).isEmpty();
    }

    @Test
    void pubSubPullWantsTheServiceAccountsTokenAndAnExistingSubscription() {
        h.control().pubSub().createPullSubscription("projects/sandbox-project/subscriptions/guarded", "projects/sandbox-project/topics/guarded",
                Duration.ofSeconds(10));
        String path = "/v1/projects/sandbox-project/subscriptions/guarded:pull";
        HttpResponse<String> anonymous = h.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(h.url(path)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"maxMessages\":1}")).build());
        HttpResponse<String> personsToken;
        try {
            personsToken = h.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(h.url(path)))
                    .header("Authorization", "Bearer " + h.login(freshMailbox().email()).getAccessToken())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"maxMessages\":1}")).build());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(personsToken.statusCode()).as("a person's Gmail token is not the server's service account").isEqualTo(401);
        assertThat(h.control().pubSub().unacknowledged("projects/sandbox-project/subscriptions/guarded")).isZero();
    }

    @Test
    void eachMethodIsChargedAsGmailsUnitTableSays() throws IOException {
        Mailbox m = freshMailbox();
        BigInteger start = profileHistoryId(m);
        long[] units = new long[1];
        Runnable mark = () -> units[0] = h.control().limitUsage(m.email()).unitsTotal();

        mark.run();
        m.gmail().users().history().list("me").setStartHistoryId(start).execute();
        assertThat(h.control().limitUsage(m.email()).unitsTotal() - units[0]).isEqualTo(2);
        mark.run();
        m.gmail().users().getProfile("me").execute();
        assertThat(h.control().limitUsage(m.email()).unitsTotal() - units[0]).isEqualTo(1);
        mark.run();
        m.gmail().users().watch("me", new WatchRequest().setTopicName("projects/sandbox-project/topics/gmail")).execute();
        assertThat(h.control().limitUsage(m.email()).unitsTotal() - units[0]).isEqualTo(100);
        mark.run();
        m.gmail().users().stop("me").execute();
        assertThat(h.control().limitUsage(m.email()).unitsTotal() - units[0]).isEqualTo(50);
    }

    @Test
    void theControlApiChangesLabelsDeletesAndExpiresOverHttp() throws IOException {
        Mailbox m = freshMailbox();
        BigInteger start = profileHistoryId(m);
        String id = deliver(m, "controlled");

        HttpResponse<String> labels = h.controlApi("POST", "/accounts/" + m.email() + "/messages/" + id + "/labels",
                "{\"add\":[\"STARRED\"],\"remove\":[\"UNREAD\"]}");
        HttpResponse<String> deleted = h.controlApi("DELETE", "/accounts/" + m.email() + "/messages/" + id, "");
        HttpResponse<String> missing = h.controlApi("DELETE", "/accounts/" + m.email() + "/messages/" + id, "");

        assertThat(labels.statusCode()).isEqualTo(200);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(m.gmail().users().history().list("me").setStartHistoryId(start).execute().getHistory()).hasSize(4);
        String current = SandboxHarness.json(deleted).get("historyId").getAsString();
        assertThat(h.controlApi("POST", "/accounts/" + m.email() + "/history/expire", "{\"belowHistoryId\":\"" + current + "\"}").statusCode())
                .isEqualTo(200);
        assertThatThrownBy(() -> m.gmail().users().history().list("me").setStartHistoryId(start).execute())
                .isInstanceOf(GoogleJsonResponseException.class);
    }

    @Test
    void theMailPageSendsANewMessageToTheChosenAccount() throws IOException {
        String alice = h.firstDemoAccount();
        String before = h.control().history().historyId(alice);

        HttpResponse<String> page = h.get(h.url("/__sandbox/mail"));
        HttpResponse<String> sent = h.postForm("/__sandbox/mail/send", List.of(Map.entry("account", alice)));

        assertThat(page.body()).contains("id=\"send-0\"", "Send " + alice + " a new message");
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(new BigInteger(h.control().history().historyId(alice))).isGreaterThan(new BigInteger(before));
        assertThat(h.postForm("/__sandbox/mail/send", List.of(Map.entry("account", "nobody@example.com"))).statusCode()).isEqualTo(400);
    }
}
