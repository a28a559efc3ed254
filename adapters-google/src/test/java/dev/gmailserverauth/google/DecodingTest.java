package dev.gmailserverauth.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartBody;
import com.google.api.services.gmail.model.MessagePartHeader;
import dev.gmailserverauth.domain.model.Attachment;
import dev.gmailserverauth.domain.model.PartId;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 2047 headers, MIME bodies and snippets, on Gmail's model classes. */
class DecodingTest {

    @Test
    void decodesBAndQEncodedWordsInAnyCase() {
        assertThat(EncodedWords.decode("=?UTF-8?B?R3LDvMOfZSBhdXMgS8O2bG4=?=")).isEqualTo("Grüße aus Köln");
        assertThat(EncodedWords.decode("=?iso-8859-1?q?J=FCrgen_M=FCller?= <j@example.de>")).isEqualTo("Jürgen Müller <j@example.de>");
        assertThat(EncodedWords.decode("=?utf-8?b?5pel5pys?=")).isEqualTo("日本");
    }

    @Test
    void dropsWhiteSpaceBetweenAdjacentEncodedWordsOnly() {
        assertThat(EncodedWords.decode("=?UTF-8?Q?Gr=C3=BC?= \r\n =?UTF-8?Q?=C3=9Fe?=")).isEqualTo("Grüße");
        assertThat(EncodedWords.decode("Re: =?UTF-8?Q?caf=C3=A9?= tonight")).isEqualTo("Re: café tonight");
    }

    @Test
    void keepsWhatItCannotDecode() {
        assertThat(EncodedWords.decode("=?x-unknown?B?AAAA?=")).isEqualTo("=?x-unknown?B?AAAA?=");
        assertThat(EncodedWords.decode("plain = ? text")).isEqualTo("plain = ? text");
        assertThat(EncodedWords.decode("=?UTF-8*en?Q?hello?=")).isEqualTo("hello");
    }

    @Test
    void prefersTheFirstTextPlainAndKeepsTheHtmlOfAMultipart() {
        MessagePart alternative = multipart("multipart/alternative",
                text("text/plain", "Grüße", "text/plain; charset=\"UTF-8\""),
                text("text/html", "<p>Grüße</p>", "text/html; charset=UTF-8"));
        MessagePart mixed = multipart("multipart/mixed", alternative, attachment());
        MimeBodies bodies = MimeBodies.of(mixed);
        assertThat(bodies.text()).contains("Grüße");
        assertThat(bodies.html()).contains("<p>Grüße</p>");
    }

    @Test
    void decodesWithTheCharsetOfThePart() {
        MessagePart latin1 = text("text/plain", "Jürgen", "text/plain; charset=ISO-8859-1", StandardCharsets.ISO_8859_1);
        assertThat(MimeBodies.of(latin1).text()).contains("Jürgen");
    }

    @Test
    void anUnknownCharsetFallsBackToUtf8() {
        MessagePart part = text("text/plain", "héllo", "text/plain; charset=x-no-such-charset");
        assertThat(MimeBodies.of(part).text()).contains("héllo");
    }

    @Test
    void acceptsPaddedAndUnpaddedBase64url() {
        MessagePart padded = text("text/plain", "ab", "text/plain");
        padded.getBody().setData(Base64.getUrlEncoder().encodeToString("ab?>".getBytes(StandardCharsets.UTF_8)));
        assertThat(MimeBodies.of(padded).text()).contains("ab?>");
    }

    @Test
    void anAttachmentIsNotABody() {
        assertThat(MimeBodies.of(multipart("multipart/mixed", attachment())).text()).isEmpty();
    }

    @Test
    void attachmentsCarryNameTypeSizeAndPart() {
        MessagePart mixed = multipart("multipart/mixed", text("text/plain", "hi", "text/plain"),
                file("1", "report.pdf", "application/pdf", 1234, "attachment; filename=\"report.pdf\"", null));
        mixed.setPartId("");
        assertThat(MimeAttachments.of(mixed)).singleElement().satisfies(a -> {
            assertThat(a.part()).isEqualTo(new PartId("1"));
            assertThat(a.filename()).isEqualTo("report.pdf");
            assertThat(a.mimeType()).isEqualTo("application/pdf");
            assertThat(a.size()).isEqualTo(1234);
            assertThat(a.inline()).isFalse();
            assertThat(a.contentId()).isEmpty();
        });
    }

    @Test
    void anRfc2231NameIsDecodedWhenGmailGivesNone() {
        MessagePart part = file("1", "", "text/csv", 10, "attachment; filename*=UTF-8''%C3%9Cbersicht%20M%C3%A4rz.csv", null);
        assertThat(MimeAttachments.of(part)).extracting(Attachment::filename).containsExactly("Übersicht März.csv");
        MessagePart continued = file("1", "", "text/plain", 10, "attachment; filename*0*=UTF-8''%E6%97%A5; filename*1*=%E6%9C%AC.txt", null);
        assertThat(MimeAttachments.of(continued)).extracting(Attachment::filename).containsExactly("日本.txt");
    }

    @Test
    void anEncodedWordNameInTheContentTypeIsDecoded() {
        MessagePart part = file("2", "", "image/png", 10, null, null);
        part.setHeaders(List.of(new MessagePartHeader().setName("Content-Type").setValue("image/png; name=\"=?UTF-8?B?R3LDvMOfZS5wbmc=?=\"")));
        assertThat(MimeAttachments.of(part)).extracting(Attachment::filename).containsExactly("Grüße.png");
    }

    @Test
    void anImageWithAContentIdIsInline() {
        MessagePart logo = file("0.2", "logo.png", "image/png", 99, null, "<logo@example.org>");
        assertThat(MimeAttachments.of(logo)).singleElement().satisfies(a -> {
            assertThat(a.contentId()).contains("logo@example.org");
            assertThat(a.inline()).isTrue();
        });
        MessagePart attached = file("3", "logo.png", "image/png", 99, "attachment", "<logo@example.org>");
        assertThat(MimeAttachments.of(attached)).singleElement().satisfies(a -> assertThat(a.inline()).isFalse());
    }

    @Test
    void aMessageThatIsOneFileHasItsFileAtPartZero() {
        MessagePart whole = file("", "scan.pdf", "application/pdf", 5, "attachment; filename=scan.pdf", null);
        assertThat(MimeAttachments.of(whole)).extracting(Attachment::part).containsExactly(new PartId("0"));
    }

    @Test
    void aMalformedDispositionStillGivesGmailsName() {
        MessagePart part = file("1", "notes.txt", "text/plain", 3, "attachment; filename=\"unterminated", null);
        assertThat(MimeAttachments.of(part)).extracting(Attachment::filename).containsExactly("notes.txt");
    }

    @Test
    void attachmentDataAcceptsPaddedAndUnpaddedBase64url() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, 0x01};
        String unpadded = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThat(GmailModels.attachmentData(new MessagePartBody().setData(unpadded)).bytes()).isEqualTo(bytes);
        assertThat(GmailModels.attachmentData(new MessagePartBody().setData(unpadded + "=")).bytes()).isEqualTo(bytes);
        assertThat(GmailModels.attachmentData(new MessagePartBody().setSize(0)).size()).isZero();
    }

    @Test
    void snippetsLoseTheirHtmlEntities() {
        assertThat(Snippets.unescape("Tom &amp; Jerry &lt;3 &quot;hi&quot; it&#39;s &#x263A;")).isEqualTo("Tom & Jerry <3 \"hi\" it's ☺");
        assertThat(Snippets.unescape(null)).isEmpty();
    }

    private static MessagePart multipart(String type, MessagePart... parts) {
        return new MessagePart().setMimeType(type).setFilename("").setBody(new MessagePartBody().setSize(0)).setParts(List.of(parts));
    }

    private static MessagePart text(String type, String content, String contentType) {
        return text(type, content, contentType, StandardCharsets.UTF_8);
    }

    private static MessagePart text(String type, String content, String contentType, Charset charset) {
        String data = Base64.getUrlEncoder().withoutPadding().encodeToString(content.getBytes(charset));
        return new MessagePart().setMimeType(type).setFilename("")
                .setHeaders(List.of(new MessagePartHeader().setName("Content-Type").setValue(contentType)))
                .setBody(new MessagePartBody().setData(data));
    }

    private static MessagePart file(String partId, String filename, String mimeType, int size, String disposition, String contentId) {
        List<MessagePartHeader> headers = new ArrayList<>();
        headers.add(new MessagePartHeader().setName("Content-Type").setValue(mimeType));
        if (disposition != null) headers.add(new MessagePartHeader().setName("Content-Disposition").setValue(disposition));
        if (contentId != null) headers.add(new MessagePartHeader().setName("Content-ID").setValue(contentId));
        return new MessagePart().setPartId(partId).setMimeType(mimeType).setFilename(filename).setHeaders(headers)
                .setBody(new MessagePartBody().setAttachmentId("ANGjdJ_" + partId.replace('.', '_')).setSize(size));
    }

    private static MessagePart attachment() {
        MessagePart part = text("text/plain", "secret attachment text", "text/plain; name=notes.txt");
        return part.setFilename("notes.txt");
    }
}
