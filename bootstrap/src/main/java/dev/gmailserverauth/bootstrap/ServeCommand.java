package dev.gmailserverauth.bootstrap;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code serve}: starts the server and runs until SIGTERM (what {@code ./run} does). */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the server (the default command): until SIGTERM or Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    private final CommandContext context;

    ServeCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AppConfig config = context.config();
        GmailServerAuth app;
        try {
            app = GmailServerAuth.start(config);
        } catch (RuntimeException e) {
            LOG.error("cannot start: {}", e.getMessage());
            LOG.debug("start-up failure", e);
            return CommandLineApp.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            app.close();
            stopped.countDown();
        }, "shutdown"));
        Banner.print(app, config);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return CommandLineApp.OK;
    }
}
