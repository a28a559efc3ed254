package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mail that arrives in a burst shares milliseconds (Gmail's {@code internalDate} is epoch milliseconds): walking the
 * list page by page still gives every message exactly once. Found by the sync's gap benchmark, where 1,000 messages
 * delivered within a second came back as 1,037 ids with 50 of them missing.
 */
class PagingWithinOneMillisecondTest {
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start();

    @Test
    void aBurstOfMailSharingMillisecondsIsListedOnceEach() throws IOException {
        String email = "burst@example.com";
        h.sandbox.control().addAccount(email, "Burst");
        Instant base = Instant.parse("2026-12-01T10:00:00Z");
        Set<String> delivered = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            // Ten messages a millisecond, their instants apart by microseconds (as Instant.now() gives them).
            delivered.add(h.sandbox.control().addMessage(email, SandboxMessage.of("Burst <burst@example.org>", email, "Burst " + i,
                    base.plusNanos(100_000L * i + 7_000L * (i % 3)), "burst")));
        }
        Gmail gmail = h.gmail(h.login(email).getAccessToken());

        List<String> walked = new ArrayList<>();
        String token = null;
        do {
            ListMessagesResponse page = gmail.users().messages().list("me").setMaxResults(7L).setPageToken(token)
                    .setQ("after:" + (base.getEpochSecond() - 86_400)).execute();
            page.getMessages().stream().map(Message::getId).forEach(walked::add);
            token = page.getNextPageToken();
        } while (token != null);

        assertThat(walked).doesNotHaveDuplicates().hasSize(300);
        assertThat(new HashSet<>(walked)).isEqualTo(delivered);
    }
}
