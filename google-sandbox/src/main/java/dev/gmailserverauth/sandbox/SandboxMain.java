package dev.gmailserverauth.sandbox;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a sandbox for manual use: {@code SandboxMain [port] [redirectUri...]}; port defaults to 9090 and the
 * redirect URI to {@code http://localhost:8080/oauth2callback}.
 */
public final class SandboxMain {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxMain.class);

    private SandboxMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9090;
        List<String> redirects = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("http://localhost:8080/oauth2callback");
        GoogleSandbox sandbox = GoogleSandbox.start(SandboxConfig.defaults(redirects).withPort(port));
        LOG.info("client_id={} redirect_uris={} demo accounts={}", SandboxClient.DEFAULT_ID, redirects, sandbox.control().demoAccounts());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
