package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Search over a small known mailbox: each query's expected hits by subject. */
class SearchOperatorsTest {
    private static final String ME = "searcher@example.net";
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start(SandboxConfig.defaults(List.of(SandboxHarness.REDIRECT)).withDemoData(false));
    private static Gmail gmail;

    @BeforeAll
    static void start() throws IOException {
        SandboxControl c = h.sandbox.control();
        c.addAccount(ME, "Sam Searcher");
        Instant now = Instant.now();
        add(c, "Bob Builder <bob@example.org>", ME, "Quarterly report", now.minus(Duration.ofDays(1)), "numbers are up", List.of("INBOX", "UNREAD", "Work"));
        add(c, "Zoë Müller <zoe@example.de>", ME, "Grüße aus München", now.minus(Duration.ofDays(10)), "Servus aus Bayern", List.of("INBOX", "STARRED"));
        add(c, ME, "carol@example.com", "Lunch plans", Instant.parse("2024-01-31T20:00:00Z"), "pizza or sushi?", List.of("SENT"));
        add(c, "spam@bad.example", ME, "You won a prize", now.minus(Duration.ofDays(2)), "click here", List.of("SPAM"));
        c.addMessage(ME, SandboxMessage.of("Bank <alerts@bank.example>", ME, "Your statement", now.minus(Duration.ofDays(40)), "monthly statement attached")
                .withLabels(List.of("INBOX", "Receipts"))
                .withAttachments(List.of(new SandboxAttachment("statement.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.US_ASCII)))));
        gmail = h.gmail(h.login(ME).getAccessToken());
    }

    private static void add(SandboxControl c, String from, String to, String subject, Instant date, String text, List<String> labels) {
        c.addMessage(ME, new SandboxMessage(from, to, subject, date, text, Optional.empty(), labels, Optional.empty(), List.of()));
    }

    private static List<String> subjects(String q) throws IOException {
        ListMessagesResponse r = gmail.users().messages().list("me").setQ(q).execute();
        if (r.getMessages() == null) return List.of();
        List<String> out = new java.util.ArrayList<>();
        for (Message ref : r.getMessages()) {
            Message m = gmail.users().messages().get("me", ref.getId()).setFormat("metadata").setMetadataHeaders(List.of("Subject")).execute();
            out.add(m.getPayload().getHeaders().get(0).getValue());
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "from:bob@example.org                | Quarterly report",
        "from:bob                            | Quarterly report",
        "to:carol@example.com                | Lunch plans",
        "from:me                             | Lunch plans",
        "subject:report                      | Quarterly report",
        "subject:(aus München)               | Grüße aus München",
        "label:work                          | Quarterly report",
        "label:receipts                      | Your statement",
        "is:unread                           | Quarterly report",
        "is:starred                          | Grüße aus München",
        "has:attachment                      | Your statement",
        "filename:pdf                        | Your statement",
        "in:sent                             | Lunch plans",
        "in:spam                             | You won a prize",
        "after:2024/01/31 before:2024/02/01  | Lunch plans",
        "newer_than:2d                       | Quarterly report",
        "older_than:30d                      | Your statement;Lunch plans",
        "sushi                               | Lunch plans",
        "\"numbers are up\"                  | Quarterly report",
        "pizza OR servus                     | Grüße aus München;Lunch plans",
        "{pizza servus}                      | Grüße aus München;Lunch plans",
        "in:inbox -is:unread                 | Grüße aus München;Your statement",
        "-from:bob in:inbox                  | Grüße aus München;Your statement",
        "(from:bob OR from:zoe) is:unread    | Quarterly report",
        "category:promotions                 | ''",
        "nothing-like-this                   | ''",
    })
    void queryFindsExactlyTheExpectedMessages(String q, String expected) throws IOException {
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(";"));

        assertThat(subjects(q)).containsExactlyInAnyOrderElementsOf(want);
    }

    @Test
    void spamIsHiddenFromPlainSearches() throws IOException {
        assertThat(subjects("click")).isEmpty();
        assertThat(subjects("in:anywhere click")).containsExactly("You won a prize");
    }
}
