package dev.gmailserverauth.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The application's logging, set up in code (found by Logback through {@code META-INF/services}):
 * one console line per event. Parsing an XML configuration costs a cold start about a tenth of a
 * second; a file named by {@code -Dlogback.configurationFile} still wins over this.
 *
 * <p>Once the configuration is read, {@link #use} switches to what it asks for: text or JSON lines
 * ({@code APP_LOG_FORMAT}), on standard output for the server or standard error for the command line
 * (whose standard output is its result).
 */
public final class LoggingSetup extends ContextAwareBase implements Configurator {
    /** The request id, when there is one, in brackets after the logger name. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24}%replace( [%X{requestId}]){' \\[\\]', ''} - %msg%n";
    /** The MDC key of the request id (adapters-web's RequestLog puts it there). */
    static final String REQUEST_ID = "requestId";

    /** Where log lines go. */
    enum Target {
        STANDARD_OUTPUT("System.out"),
        STANDARD_ERROR("System.err");

        private final String logbackName;

        Target(String logbackName) {
            this.logbackName = logbackName;
        }
    }

    /**
     * Quieter libraries. Apache HttpClient's wire and header logs would print bearer tokens and form
     * bodies, and Jetty's debug log full URIs with the callback's code: never below WARN.
     */
    static final Map<String, Level> LEVELS = Map.of(
            "org.eclipse.jetty", Level.WARN,
            "io.javalin", Level.WARN,
            "org.flywaydb", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "org.apache.http", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (configuredByFile()) return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        install(context, OperationsConfig.LogFormat.TEXT, Target.STANDARD_OUTPUT, Level.INFO);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Replaces the console output with this format, target and level (the quieter libraries stay as they are). */
    static void use(OperationsConfig.LogFormat format, Target target, Level level) {
        if (configuredByFile() || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
        install(context, format, target, level);
    }

    private static void install(LoggerContext context, OperationsConfig.LogFormat format, Target target, Level level) {
        Encoder<ILoggingEvent> encoder = format == OperationsConfig.LogFormat.JSON ? jsonEncoder(context) : textEncoder(context);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget(target.logbackName);
        console.setEncoder(encoder);
        console.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.setLevel(level);
        root.addAppender(console);
        LEVELS.forEach((name, quieter) -> context.getLogger(name).setLevel(quieter));
    }

    private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }

    /**
     * Logback's own JSON encoder: one object per line with timestamp, level, thread, logger, the MDC (the
     * request id) and the formatted message. Not the raw pattern and its arguments: the line says it once.
     */
    static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }

    private static boolean configuredByFile() {
        return System.getProperty("logback.configurationFile") != null;
    }
}
