package dev.gmailserverauth.web.sanitizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextLinksTest {
    @Test
    void httpAndHttpsUrlsBecomeLinksAndTheRestStaysText() {
        assertThat(TextLinks.of("See https://example.org/a?b=1&c=2 and HTTP://Example.com/x."))
                .extracting(TextLinks.Segment::text, TextLinks.Segment::href)
                .containsExactly(
                        tuple("See ", Optional.empty()),
                        tuple("https://example.org/a?b=1&c=2", Optional.of("https://example.org/a?b=1&c=2")),
                        tuple(" and ", Optional.empty()),
                        tuple("HTTP://Example.com/x", Optional.of("HTTP://Example.com/x")),
                        tuple(".", Optional.empty()));
    }

    @Test
    void sentencePunctuationAndUnopenedBracketsEndAUrl() {
        assertThat(TextLinks.of("(see https://en.wikipedia.org/wiki/Mail_(disambiguation)), ok"))
                .filteredOn(TextLinks.Segment::link).extracting(TextLinks.Segment::text)
                .containsExactly("https://en.wikipedia.org/wiki/Mail_(disambiguation)");
        assertThat(TextLinks.of("<https://example.org/x>")).filteredOn(TextLinks.Segment::link).extracting(TextLinks.Segment::text)
                .containsExactly("https://example.org/x");
    }

    @Test
    void otherSchemesAndBrokenUrlsStayText() {
        assertThat(TextLinks.of("javascript:alert(1) ftp://x.example/ https:// http://[::zz]/ xhttps://a.example"))
                .noneMatch(TextLinks.Segment::link);
    }

    @Test
    void theTextIsKeptWhole() {
        String text = "Line one\nhttps://a.example/1\n\n  indented https://b.example/2\tend";
        assertThat(String.join("", TextLinks.of(text).stream().map(TextLinks.Segment::text).toList())).isEqualTo(text);
        assertThat(TextLinks.of("")).isEmpty();
    }

    @Test
    void nonAsciiUrlsAreLinkedWithAnAsciiHref() {
        assertThat(TextLinks.of("https://example.org/straße")).singleElement()
                .satisfies(s -> assertThat(s.href()).contains("https://example.org/stra%C3%9Fe"));
    }
}
