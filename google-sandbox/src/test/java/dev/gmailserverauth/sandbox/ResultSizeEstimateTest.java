package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.ListThreadsResponse;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** resultSizeEstimate is exact when the whole result fits in one page, a look-ahead figure otherwise. */
class ResultSizeEstimateTest {
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start();
    private static Gmail gmail;
    private static int total;

    @BeforeAll
    static void start() throws IOException {
        gmail = h.gmail(h.login(h.sandbox.control().demoAccounts().get(0)).getAccessToken());
        total = gmail.users().messages().list("me").setMaxResults(500L).execute().getMessages().size();
    }

    @Test
    void isExactWhenEverythingFitsInOnePage() throws IOException {
        ListMessagesResponse all = gmail.users().messages().list("me").setMaxResults(500L).execute();
        ListMessagesResponse few = gmail.users().messages().list("me").setQ("is:starred").setMaxResults(500L).execute();

        assertThat(all.getNextPageToken()).isNull();
        assertThat(all.getResultSizeEstimate()).isEqualTo((long) all.getMessages().size());
        assertThat(few.getResultSizeEstimate()).isEqualTo((long) few.getMessages().size());
    }

    @Test
    void isARoundLookAheadFigureUnrelatedToTheCountWhenTheResultSpansPages() throws IOException {
        ListMessagesResponse first = gmail.users().messages().list("me").setMaxResults(100L).execute();
        ListMessagesResponse second = gmail.users().messages().list("me").setMaxResults(100L).setPageToken(first.getNextPageToken()).execute();
        ListMessagesResponse ofTen = gmail.users().messages().list("me").setMaxResults(10L).execute();

        assertThat(total).isBetween(250, 300);
        assertThat(first.getResultSizeEstimate()).isEqualTo(201L).isNotEqualTo((long) total);
        assertThat(second.getResultSizeEstimate()).isEqualTo(301L);
        assertThat(ofTen.getResultSizeEstimate()).isEqualTo(21L);
    }

    @Test
    void doesNotFollowMailThatArrives() throws IOException {
        long before = gmail.users().messages().list("me").setMaxResults(50L).execute().getResultSizeEstimate();
        h.sandbox.control().addMessage(h.sandbox.control().demoAccounts().get(0),
                SandboxMessage.of("new@example.org", "alice@example.com", "New", Instant.parse("2026-06-02T00:00:00Z"), "new"));

        assertThat(gmail.users().messages().list("me").setMaxResults(50L).execute().getResultSizeEstimate()).isEqualTo(before);
    }

    @Test
    void threadListsEstimateTheSameWay() throws IOException {
        ListThreadsResponse all = gmail.users().threads().list("me").setMaxResults(500L).execute();
        ListThreadsResponse first = gmail.users().threads().list("me").setMaxResults(20L).execute();

        assertThat(all.getResultSizeEstimate()).isEqualTo((long) all.getThreads().size());
        assertThat(first.getResultSizeEstimate()).isEqualTo(41L);
    }
}
