package dev.gmailserverauth.bootstrap;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the application from environment variables; exit code 2 on bad configuration. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 1 && args[0].equals("--cds-training")) {
            CdsTraining.run();
            System.exit(0);
        }
        AppConfig config;
        try {
            config = AppConfig.fromEnvironment(System.getenv());
        } catch (ConfigurationException e) {
            LOG.error("invalid configuration: {}", e.getMessage());
            System.exit(2);
            return;
        }
        GmailServerAuth app;
        try {
            app = GmailServerAuth.start(config);
        } catch (RuntimeException e) {
            LOG.error("cannot start: {}", e.getMessage());
            LOG.debug("start-up failure", e);
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down");
            app.close();
            stopped.countDown();
        }, "shutdown"));
        Banner.print(app, config);
        stopped.await();
    }
}
