package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The logging Logback finds through LoggingSetup: application lines at INFO, no library that could print a secret at DEBUG. */
class LoggingSetupTest {

    @Test
    void applicationLinesAreLoggedAtInfo() {
        assertThat(LoggerFactory.getLogger(GmailServerAuth.class).isInfoEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger(GmailServerAuth.class).isDebugEnabled()).isFalse();
    }

    @Test
    void librariesThatWouldPrintTokensOrCodesStayQuiet() {
        for (String name : new String[] {"org.apache.http.wire", "org.apache.http.headers", "org.eclipse.jetty.server.HttpChannel"}) {
            assertThat(LoggerFactory.getLogger(name).isInfoEnabled()).as(name).isFalse();
        }
    }
}
