package dev.gmailserverauth.sandbox.internal.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Rfc2047Test {
    @Test
    void asciiStaysAsItIs() {
        assertThat(Rfc2047.encode("Quarterly report")).isEqualTo("Quarterly report");
    }

    @Test
    void nonAsciiRoundTripsThroughFoldedBWords() {
        String subject = "Grüße aus München – ein sehr langer Betreff mit Umlauten äöü und Emoji ☕📷";
        String encoded = Rfc2047.encode(subject);

        assertThat(encoded).startsWith("=?UTF-8?B?").contains("\r\n ");
        assertThat(encoded.split("\r\n ")).allSatisfy(word -> assertThat(word.length()).isLessThanOrEqualTo(75));
        assertThat(Rfc2047.decode(encoded)).isEqualTo(subject);
    }

    @Test
    void decodesQWordsAndOtherCharsets() {
        assertThat(Rfc2047.decode("=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>")).isEqualTo("André Pirard <PIRARD@vm1.ulg.ac.be>");
        assertThat(Rfc2047.decode("=?UTF-8?Q?Zo=C3=AB_M=C3=BCller?=")).isEqualTo("Zoë Müller");
        assertThat(Rfc2047.decode(Rfc2047.encodeQ("Zoë Müller"))).isEqualTo("Zoë Müller");
    }

    @Test
    void addressesKeepTheAngleAddrUnencoded() {
        assertThat(Rfc2047.encodeAddress("Zoë <zoe@example.de>")).endsWith(" <zoe@example.de>").startsWith("=?UTF-8?B?");
    }
}
