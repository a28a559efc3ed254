package dev.gmailserverauth.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.Attachment;
import dev.gmailserverauth.domain.model.AttachmentId;
import dev.gmailserverauth.domain.model.PartId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DownloadNamesTest {
    private static Attachment named(String filename) {
        return new Attachment(new PartId("1"), new AttachmentId("ANGjdJ1"), filename, "text/plain", 1, Optional.empty(), false);
    }

    @Test
    void aNameIsNeverAPathAndNeverEmpty() {
        assertThat(DownloadNames.display(named("../../etc/passwd"))).isEqualTo("_.._etc_passwd");
        assertThat(DownloadNames.display(named("..\\win.ini"))).isEqualTo("_win.ini");
        assertThat(DownloadNames.display(named(".hidden"))).isEqualTo("hidden");
        assertThat(DownloadNames.display(named("a\r\nSet-Cookie: x\u0000.txt"))).isEqualTo("a__Set-Cookie: x_.txt");
        assertThat(DownloadNames.display(named("report\u202egnp.exe"))).isEqualTo("report_gnp.exe");
        assertThat(DownloadNames.display(named("  "))).isEqualTo("attachment");
        assertThat(DownloadNames.display(named("x".repeat(400)))).hasSize(150);
    }

    @Test
    void theHeaderHasAnAsciiFallbackAndTheUtf8Name() {
        assertThat(DownloadNames.contentDisposition(named("plain.txt"), false)).isEqualTo("attachment; filename=\"plain.txt\"; filename*=UTF-8''plain.txt");
        assertThat(DownloadNames.contentDisposition(named("日本 100%.pdf"), false))
                .isEqualTo("attachment; filename=\"__ 100_.pdf\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%20100%25.pdf");
        assertThat(DownloadNames.contentDisposition(named("a\"b\\c;d.txt"), true)).isEqualTo("inline; filename=\"a_b_c;d.txt\"; filename*=UTF-8''a%22b_c%3Bd.txt");
    }
}
