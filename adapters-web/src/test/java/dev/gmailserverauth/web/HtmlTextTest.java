package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void keepsTheTextAndLineBreaksAndDropsEverythingElse() {
        String html = "<html><head><title>T</title><style>p{color:red}</style></head><body>"
                + "<p>Hello <b>Bob</b>,</p><p>See&nbsp;you &amp; bye &lt;3 &#8364;5 &#x41;</p>"
                + "<script>alert('x')</script><!-- hidden --><img src=x onerror=alert(1)>Done<br>End</body></html>";
        assertThat(HtmlText.toText(html)).isEqualTo("Hello Bob,\nSee you & bye <3 €5 A\nDone\nEnd");
    }

    @Test
    void leavesUnknownEntitiesAlone() {
        assertThat(HtmlText.toText("a &bogus; b")).isEqualTo("a &bogus; b");
    }
}
