package dev.gmailserverauth.bootstrap.browser;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for a sender's tracking server on the loopback address: HTTPS (a self-signed certificate
 * made by the JDK's keytool; the test browser is told to accept it), answering every request with a
 * red 1×1 GIF (visible on a screenshot) and remembering the paths asked for. It is how a test sees whether a mail's remote image was
 * fetched at all. Each exchange runs on a thread of its own, as a real server's would: without an executor the JDK's server runs
 * them one at a time on its dispatcher thread, where an HTTPS exchange waiting for the request on a connection Chromium opened
 * ahead of need can hold up every other one: the frame's images then never arrived and the page load after "Show images"
 * timed out (ReadingInBrowserTest, about one run in two).
 */
final class CountingHttpsServer implements AutoCloseable {
    private static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIABAP8AAP///yH5BAEAAAEALAAAAAABAAEAAAICRAEAOw==");
    private static final char[] PASSWORD = "localhost-only".toCharArray();

    private final HttpsServer server;
    private final ExecutorService exchanges = Executors.newCachedThreadPool();
    private final List<String> hits = new CopyOnWriteArrayList<>();

    CountingHttpsServer() {
        try {
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(sslContext()));
            server.setExecutor(exchanges);
            server.createContext("/", exchange -> {
                hits.add(exchange.getRequestURI().toString());
                exchange.getResponseHeaders().add("Content-Type", "image/gif");
                exchange.sendResponseHeaders(200, GIF.length);
                exchange.getResponseBody().write(GIF);
                exchange.close();
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code https://127.0.0.1:port} + path. */
    String url(String path) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<String> hits() {
        return List.copyOf(hits);
    }

    @Override
    public void close() {
        server.stop(0);
        exchanges.shutdownNow();
    }

    private static SSLContext sslContext() throws IOException {
        Path keystore = Files.createTempDirectory("tracker-tls").resolve("tracker.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "tracker", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, PASSWORD);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up the tracker's TLS", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
