package dev.gmailserverauth.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/** JUnit extension: the request log's lines (logger {@code dev.gmailserverauth.web.access}) captured during each test. */
final class AccessLog implements BeforeEachCallback, AfterEachCallback {
    private final Logger access = (Logger) LoggerFactory.getLogger("dev.gmailserverauth.web.access");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        lines.list.clear();
        lines.start();
        access.addAppender(lines);
        access.setLevel(Level.INFO);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        access.detachAppender(lines);
        access.setLevel(null);
    }

    /** The events captured so far (live: later lines appear in it). */
    List<ILoggingEvent> events() {
        return lines.list;
    }
}
