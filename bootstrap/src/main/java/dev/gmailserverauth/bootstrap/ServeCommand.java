package dev.gmailserverauth.bootstrap;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
        // The hook is registered before the start: the server listens before its start returns (decision 0046), so a
        // SIGTERM can come while the start finishes; the hook then waits for it and stops the server gracefully.
        CompletableFuture<GmailServerAuth> started = new CompletableFuture<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            LOG.info("shutting down");
            try {
                started.join().close();
            } catch (CompletionException | CancellationException e) {
                // the start failed and closed what it had opened
            }
            stopped.countDown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        GmailServerAuth app;
        try {
            app = GmailServerAuth.start(config);
        } catch (RuntimeException e) {
            started.cancel(false);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // a SIGTERM came during the start: the hook runs and finds nothing to stop
            }
            LOG.error("cannot start: {}", e.getMessage());
            LOG.debug("start-up failure", e);
            return CommandLineApp.USAGE;
        }
        started.complete(app);
        Banner.print(app, config);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return CommandLineApp.OK;
    }
}
