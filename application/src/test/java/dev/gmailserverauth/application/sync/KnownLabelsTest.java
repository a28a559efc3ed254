package dev.gmailserverauth.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.fake.MutableClock;
import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownLabelsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final KnownLabels known = new KnownLabels(2, Duration.ofMinutes(20), clock);
    private final UserId alice = new UserId("1001");
    private final UserId bob = new UserId("1002");

    private static Label own(String id, String name) {
        return new Label(new LabelId(id), name, Label.Type.USER);
    }

    @Test
    void findsAnOwnLabelByGmailsLabelFormCaseAside() {
        known.listed(alice, List.of(own("Label_1", "Receipts 2026/Q4"), own("Label_2", "travel")));

        assertThat(known.find(alice, "receipts-2026-q4")).contains(new LabelId("Label_1"));
        assertThat(known.find(alice, "RECEIPTS-2026-Q4")).contains(new LabelId("Label_1"));
        assertThat(known.find(alice, "Travel")).contains(new LabelId("Label_2"));
        assertThat(known.find(alice, "receipts")).isEmpty();
        assertThat(known.find(bob, "travel")).as("another person's labels").isEmpty();
    }

    @Test
    void systemLabelsAndNamesTwoLabelsShareAreLeftToGmail() {
        known.listed(alice, List.of(new Label(LabelId.INBOX, "INBOX", Label.Type.SYSTEM), own("Label_1", "a b"), own("Label_2", "A-B"),
                own("Label_3", "Work")));

        assertThat(known.find(alice, "inbox")).isEmpty();
        assertThat(known.find(alice, "a-b")).as("ambiguous").isEmpty();
        assertThat(known.find(alice, "work")).contains(new LabelId("Label_3"));
    }

    @Test
    void aNewListReplacesTheOldAndNamesAgeOut() {
        known.listed(alice, List.of(own("Label_1", "Receipts")));
        known.listed(alice, List.of(own("Label_1", "Bills")));
        assertThat(known.find(alice, "receipts")).as("renamed").isEmpty();
        assertThat(known.find(alice, "bills")).contains(new LabelId("Label_1"));

        clock.advance(Duration.ofMinutes(21));
        assertThat(known.find(alice, "bills")).isEmpty();
    }

    @Test
    void holdsAtMostItsNumberOfPeopleLeastRecentlyUsedFirstOut() {
        UserId carol = new UserId("1003");
        known.listed(alice, List.of(own("Label_1", "A")));
        known.listed(bob, List.of(own("Label_1", "B")));
        assertThat(known.find(alice, "a")).isPresent();
        known.listed(carol, List.of(own("Label_1", "C")));

        assertThat(known.find(bob, "b")).isEmpty();
        assertThat(known.find(alice, "a")).isPresent();
        assertThat(known.find(carol, "c")).isPresent();
    }
}
