package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestLogTest {
    @RegisterExtension
    final AccessLog log = new AccessLog();

    @Test
    void oneLinePerRequestWithMethodPathStatusAndTimeButNeverTheQueryOrTheCookie() {
        World world = new World();
        UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 1);
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            String session = browser.cookie().orElseThrow();
            log.events().clear();
            browser.get("/oauth2/callback?state=" + "s".repeat(30) + "&code=4/secret-code");
            browser.get("/messages?q=private+words");

            List<String> logged = log.events().stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(logged).hasSize(2);
            assertThat(logged.get(0)).matches("GET /oauth2/callback 400 \\d+ms");
            assertThat(logged.get(1)).matches("GET /messages 200 \\d+ms");
            assertThat(String.join("\n", logged)).doesNotContain("secret-code", "private", session.substring(4));
        });
    }
}
