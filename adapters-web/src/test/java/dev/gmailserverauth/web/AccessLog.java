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

/**
 * JUnit extension: the request log's lines (logger {@code dev.gmailserverauth.web.access}) captured during
 * each test, and beside them every line any logger wrote ({@link #everything}): the app's own from INFO up,
 * the libraries' from WARN up.
 */
final class AccessLog implements BeforeEachCallback, AfterEachCallback {
    private final Logger access = (Logger) LoggerFactory.getLogger("dev.gmailserverauth.web.access");
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger app = (Logger) LoggerFactory.getLogger("dev.gmailserverauth");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final ListAppender<ILoggingEvent> all = new ListAppender<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        lines.list.clear();
        lines.start();
        access.addAppender(lines);
        access.setLevel(Level.INFO);
        all.list.clear();
        all.start();
        root.addAppender(all);
        app.setLevel(Level.INFO);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        access.detachAppender(lines);
        root.detachAppender(all);
        app.setLevel(null);
        access.setLevel(null);
    }

    /** The events captured so far (live: later lines appear in it). */
    List<ILoggingEvent> events() {
        return lines.list;
    }

    /** Every line logged so far, by any logger, with its stack trace if it had one (live, like {@link #events}). */
    List<ILoggingEvent> everything() {
        return all.list;
    }

    /** Forgets what was captured so far. */
    void clear() {
        lines.list.clear();
        all.list.clear();
    }
}
