package dev.gmailserverauth.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Files of a message keep their declared type, except a type a browser would run as script from the app's own origin. */
class AttachmentTypesTest {
    @Test
    void aFileKeepsItsDeclaredTypeUnlessABrowserWouldRunIt() {
        assertThat(AttachmentRoutes.contentType("application/pdf")).isEqualTo("application/pdf");
        assertThat(AttachmentRoutes.contentType("text/csv")).isEqualTo("text/csv");
        assertThat(AttachmentRoutes.contentType("image/png")).isEqualTo("image/png");
        for (String script : new String[] {"text/javascript", "application/javascript", "application/x-javascript", "text/ecmascript",
                "application/ecmascript", "text/jscript", "text/livescript", "text/javascript1.5", "TEXT/JavaScript", "application/wasm"}) {
            assertThat(AttachmentRoutes.contentType(script)).as(script).isEqualTo("application/octet-stream");
        }
    }
}
