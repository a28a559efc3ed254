package dev.gmailserverauth.web.mail;


import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.web.shared.Formats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsAndLabelNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Olivia Chen <olivia.chen@example.org> | Olivia Chen",
            "\"Chen, Olivia\" <olivia.chen@example.org> | Chen, Olivia",
            "<noreply@example.com> | noreply@example.com",
            "bob@example.com | bob@example.com",
            "田中 太郎 <taro.tanaka@example.jp> | 田中 太郎",
    })
    void theListShowsTheSendersNameOrElseTheAddress(String from, String shown) {
        assertThat(Formats.senderName(from)).isEqualTo(shown);
    }

    @Test
    void systemLabelsReadAsGmailNamesThem() {
        assertThat(LabelNames.display(new Label(LabelId.INBOX, "INBOX", Label.Type.SYSTEM))).isEqualTo("Inbox");
        assertThat(LabelNames.display(new Label(new LabelId("CATEGORY_PROMOTIONS"), "CATEGORY_PROMOTIONS", Label.Type.SYSTEM))).isEqualTo("Promotions");
        assertThat(LabelNames.display(new Label(new LabelId("Label_7"), "Projects/Apollo", Label.Type.USER))).isEqualTo("Projects/Apollo");
    }

    @Test
    void theSidebarListsSystemLabelsInGmailsOrderThenTheUsersLabels() {
        List<Label> labels = List.of(
                new Label(new LabelId("Label_1"), "Family", Label.Type.USER),
                new Label(new LabelId("TRASH"), "TRASH", Label.Type.SYSTEM),
                new Label(new LabelId("CATEGORY_FORUMS"), "CATEGORY_FORUMS", Label.Type.SYSTEM),
                new Label(LabelId.STARRED, "STARRED", Label.Type.SYSTEM),
                new Label(LabelId.INBOX, "INBOX", Label.Type.SYSTEM));
        assertThat(labels.stream().sorted(LabelNames.SIDEBAR_ORDER).map(LabelNames::display))
                .containsExactly("Inbox", "Starred", "Forums", "Trash", "Family");
    }

    @Test
    void chatIsNotListed() {
        assertThat(LabelNames.shown(new Label(new LabelId("CHAT"), "CHAT", Label.Type.SYSTEM))).isFalse();
        assertThat(LabelNames.shown(new Label(new LabelId("CHAT"), "CHAT", Label.Type.USER))).isTrue();
    }

    @Test
    void fileSizesReadAsPeopleSayThem() {
        assertThat(Formats.size(0)).isEqualTo("0 bytes");
        assertThat(Formats.size(1)).isEqualTo("1 byte");
        assertThat(Formats.size(1023)).isEqualTo("1023 bytes");
        assertThat(Formats.size(48_213)).isEqualTo("47 KB");
        assertThat(Formats.size(10L * 1024 * 1024)).isEqualTo("10.0 MB");
    }

    @Test
    void aMessagesChipsNameItsLabelsWithoutTheMarks() {
        Map<LabelId, Label> known = Map.of(new LabelId("Label_7"), new Label(new LabelId("Label_7"), "Projects/Apollo", Label.Type.USER));
        assertThat(LabelNames.chips(List.of(new LabelId("Label_7"), LabelId.UNREAD, LabelId.STARRED, new LabelId("CATEGORY_FORUMS"),
                LabelId.INBOX, new LabelId("Label_9"), new LabelId("CHAT")), known))
                .containsExactly("Inbox", "Forums", "Label_9", "Projects/Apollo");
    }
}
