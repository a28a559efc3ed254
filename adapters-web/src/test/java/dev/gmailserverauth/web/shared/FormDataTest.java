package dev.gmailserverauth.web.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormDataTest {
    @Test
    void decodesPercentEscapesPlusAndUtf8() {
        FormData data = FormData.parse("q=from%3Aalice+is%3Aunread&name=J%C3%BCrgen&empty=&flag");
        assertThat(data.get("q")).contains("from:alice is:unread");
        assertThat(data.get("name")).contains("Jürgen");
        assertThat(data.get("empty")).isEmpty();
        assertThat(data.get("flag")).isEmpty();
        assertThat(data.get("absent")).isEmpty();
    }

    @Test
    void keepsTheFirstOfRepeatedNames() {
        assertThat(FormData.parse("a=1&a=2").get("a")).contains("1");
    }

    @Test
    void refusesBrokenEscapesAndInvalidUtf8() {
        for (String bad : new String[] {"q=%", "q=%2", "q=%zz", "q=%C3%28", "q=%FF", "q=%ED%A0%80", "q=%C0%AF", "%zz=1"}) {
            assertThatThrownBy(() -> FormData.parse(bad)).as(bad).isInstanceOf(BadInput.class);
        }
    }

    @Test
    void refusesTooManyParameters() {
        assertThatThrownBy(() -> FormData.parse("a=1&".repeat(FormData.MAX_PARAMETERS + 1))).isInstanceOf(BadInput.class)
                .hasMessageContaining("too many");
    }

    @Test
    void emptyOrMissingQueryHasNoParameters() {
        assertThat(FormData.parse(null).get("q")).isEmpty();
        assertThat(FormData.parse("").get("q")).isEmpty();
        assertThat(FormData.parse("&&&").get("q")).isEmpty();
    }
}
