package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RequestLogTest {
    private final Logger access = (Logger) LoggerFactory.getLogger("dev.gmailserverauth.web.access");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void listen() {
        lines.start();
        access.addAppender(lines);
        access.setLevel(Level.INFO);
    }

    @AfterEach
    void stopListening() {
        access.detachAppender(lines);
        access.setLevel(null);
    }

    @Test
    void oneLinePerRequestWithMethodPathStatusAndTimeButNeverTheQueryOrTheCookie() {
        World world = new World();
        UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 1);
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            String session = browser.cookie().orElseThrow();
            lines.list.clear();
            browser.get("/oauth2/callback?state=" + "s".repeat(30) + "&code=4/secret-code");
            browser.get("/messages?q=private+words");

            List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(logged).hasSize(2);
            assertThat(logged.get(0)).matches("GET /oauth2/callback 400 \\d+ms");
            assertThat(logged.get(1)).matches("GET /messages 200 \\d+ms");
            assertThat(String.join("\n", logged)).doesNotContain("secret-code", "private", session.substring(4));
        });
    }
}
