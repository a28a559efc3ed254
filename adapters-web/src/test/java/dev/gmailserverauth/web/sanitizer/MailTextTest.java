package dev.gmailserverauth.web.sanitizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailTextTest {
    @Test
    void keepsTheTextAndLineBreaksAndDropsEverythingElse() {
        String html = "<html><head><title>T</title><style>p{color:red}</style></head><body>"
                + "<p>Hello <b>Bob</b>,</p><p>See&nbsp;you &amp; bye &lt;3 &#8364;5 &#x41;</p>"
                + "<script>alert('x')</script><!-- hidden --><img src=x onerror=alert(1)>Done<br>End</body></html>";
        assertThat(MailText.fromHtml(html)).isEqualTo("Hello Bob,\nSee you & bye <3 €5 A\nDone\nEnd");
    }

    @Test
    void collapsesWhiteSpaceAndKeepsAtMostOneBlankLine() {
        assertThat(MailText.fromHtml("<div><p>  one \n  two </p></div><div><div><p>three</p></div></div><br><br><br><br>four"))
                .isEqualTo("one two\n\nthree\n\nfour");
    }

    @Test
    void unclosedMarkupIsText() {
        assertThat(MailText.fromHtml("a < b and <!-- never closed")).isEqualTo("a < b and");
        assertThat(MailText.fromHtml("a &bogus; b")).isEqualTo("a &bogus; b");
    }
}
