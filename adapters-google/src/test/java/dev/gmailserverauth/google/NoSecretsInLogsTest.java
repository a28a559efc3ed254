package dev.gmailserverauth.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.TokenGrant;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.Fault;
import dev.gmailserverauth.sandbox.SandboxClient;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Retries, fall-backs and failures are logged; tokens and the client secret never are, nor put in exception messages. */
class NoSecretsInLogsTest {

    @Test
    void tokensAndTheClientSecretStayOutOfLogsAndExceptions() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(appender);
        try (Sandbox sandbox = new Sandbox()) {
            String email = sandbox.newAccount("logs");
            TokenGrant grant = sandbox.authorize(email, true);
            String access = grant.accessToken().token().value();
            String refresh = grant.refreshToken().orElseThrow().value();
            var fault = new Fault.HttpError(503, "backendError", "unavailable", Optional.empty());

            sandbox.control().injectFault(Endpoint.TOKEN, 5, fault);
            Throwable refreshFailure = catchThrowable(() -> sandbox.provider().refresh(grant.refreshToken().orElseThrow()));
            sandbox.control().injectFault(Endpoint.TOKEN, 1, new Fault.InvalidGrant());
            sandbox.provider().refresh(grant.refreshToken().orElseThrow());
            sandbox.control().injectFault(Endpoint.MESSAGES_LIST, 5, fault);
            Throwable listFailure = catchThrowable(() -> sandbox.mailbox().listMessages(sandbox.access(email, grant.accessToken().token()),
                    MailQuery.firstPage(SearchQuery.ALL, new PageSize(5))));
            sandbox.control().injectFault(Endpoint.BATCH, 1, fault);
            sandbox.mailbox().summarize(sandbox.access(email, grant.accessToken().token()), List.of());
            sandbox.provider().revoke(grant.refreshToken().orElseThrow());

            List<String> logged = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(logged).isNotEmpty();
            for (String secret : List.of(access, refresh, SandboxClient.DEFAULT_SECRET)) {
                assertThat(logged).noneMatch(line -> line.contains(secret));
                assertThat(describe(refreshFailure)).doesNotContain(secret);
                assertThat(describe(listFailure)).doesNotContain(secret);
            }
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
        }
    }

    private static String describe(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) all.append(c).append('\n');
        return all.toString();
    }
}
