package dev.gmailserverauth.web;


import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.web.http.BodyBuffering;
import dev.gmailserverauth.web.http.SlowHeaderSweep;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The two jobs in front of the request threads: {@link BodyBuffering} and {@link SlowHeaderSweep}. */
class RequestArrivalTest {
    private final World world = new World();
    private final UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 2);
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(logged);
    }

    private WebConfig quickDeadline() {
        return WebConfig.of(TestApp.BASE_URL).withBodyDeadline(Duration.ofMillis(800));
    }

    /** Sends {@code head} (and no more) on a new connection; returns the status line of the answer. */
    private static String statusAfter(Socket socket, String head) throws IOException {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return readStatusLine(socket.getInputStream());
    }

    private static String readStatusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) line.append((char) c);
        return line.toString().trim();
    }

    private static boolean closedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] rest = new byte[8192];
        while (true) {
            int n = in.read(rest);
            if (n == -1) return true;
        }
    }

    private static String post(int port, String path, String extraHeaders) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + extraHeaders + "\r\n";
    }

    @Test
    void aFormDeclaredOverTheCapIsRefusedWith413BeforeAnyByteOfItIsRead() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            try (Socket socket = new Socket("localhost", browser.port())) {
                String status = statusAfter(socket, post(browser.port(), "/logout",
                        "Cookie: " + browser.cookie().orElseThrow() + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 16000\r\n"));
                assertThat(status).isEqualTo("HTTP/1.1 413 Payload Too Large");
            }
        });
    }

    @Test
    void aBodyThatIsNotThereByTheDeadlineIs408AndTheConnectionCloses() {
        TestApp.run(TestApp.app(world, quickDeadline()), browser -> {
            TestApp.signIn(browser, world, alice);
            try (Socket socket = new Socket("localhost", browser.port())) {
                long started = System.nanoTime();
                String status = statusAfter(socket, post(browser.port(), "/logout",
                        "Cookie: " + browser.cookie().orElseThrow() + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n")
                        + "csrf=abc");
                assertThat(status).isEqualTo("HTTP/1.1 408 Request Timeout");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
                assertThat(closedByServer(socket)).isTrue();
            }
            assertThat(browser.get("/messages").status()).as("the session was not signed out by the cut-off form").isEqualTo(200);
            assertThat(logged.list).filteredOn(e -> e.getThrowableProxy() != null).isEmpty();
            assertThat(messages()).anyMatch(m -> m.contains("POST /logout answered 408"));
        });
    }

    @Test
    void aBodyTricklingInByteByByteIsCutOffAtTheDeadlineWhateverItsPace() {
        TestApp.run(TestApp.app(world, quickDeadline()), browser -> {
            try (Socket socket = new Socket("localhost", browser.port())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(post(browser.port(), "/logout", "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3000\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                long started = System.nanoTime();
                String status = "";
                for (int i = 0; i < 60 && status.isEmpty(); i++) {
                    out.write('a');
                    out.flush();
                    if (socket.getInputStream().available() > 0) status = readStatusLine(socket.getInputStream());
                    else Thread.sleep(100); // the client under test is slow: one byte every 100 ms
                }
                if (status.isEmpty()) status = readStatusLine(socket.getInputStream());
                assertThat(status).isEqualTo("HTTP/1.1 408 Request Timeout");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            } catch (IOException closed) {
                // the server closed the connection while we were still writing: the cut-off happened
                assertThat(messages()).anyMatch(m -> m.contains("answered 408"));
            }
        });
    }

    @Test
    void headersTricklingInAreCutOffAtTheDeadline() {
        TestApp.run(TestApp.app(world, quickDeadline()), browser -> {
            try (Socket socket = new Socket("localhost", browser.port())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                long started = System.nanoTime();
                boolean cut = false;
                byte[] head = ("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + "x".repeat(200)).getBytes(StandardCharsets.ISO_8859_1);
                try {
                    for (byte b : head) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(50); // the client under test is slow: one header byte every 50 ms
                    }
                } catch (IOException closed) {
                    cut = true;
                }
                assertThat(cut || closedByServer(socket)).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            }
            assertThat(messages()).anyMatch(m -> m.contains("no complete request headers within"));
        });
    }

    @Test
    void aKeepAliveConnectionServesRequestAfterRequestWithinTheDeadline() {
        TestApp.run(TestApp.app(world, quickDeadline()), browser -> {
            try (Socket socket = new Socket("localhost", browser.port())) {
                socket.setSoTimeout(5_000);
                for (int i = 0; i < 3; i++) {
                    socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    socket.getOutputStream().flush();
                    assertThat(readStatusLine(socket.getInputStream())).isEqualTo("HTTP/1.1 200 OK");
                    drainHeadersAndBody(socket.getInputStream());
                    Thread.sleep(300); // idle between requests, as a browser is: the idle time must not count against the deadline
                }
            }
        });
    }

    /** Reads one response's headers and its Content-Length body. */
    private static void drainHeadersAndBody(InputStream in) throws IOException {
        int length = 0;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
        }
        in.readNBytes(length);
    }

    private static String readLine(InputStream in) throws IOException {
        return readStatusLine(in);
    }

    @Test
    void aBrokenChunkedBodyOnASignedInPostIs400WithoutAStackTrace() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            try (Socket socket = new Socket("localhost", browser.port())) {
                String status = statusAfter(socket, post(browser.port(), "/disconnect",
                        "Cookie: " + browser.cookie().orElseThrow() + "\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n")
                        + "ZZZ\r\nnot a chunk\r\n");
                assertThat(status).startsWith("HTTP/1.1 400");
            }
            assertThat(world.credentials.findByUserId(alice.userId())).as("nothing was disconnected").isPresent();
            assertThat(logged.list).filteredOn(e -> e.getThrowableProxy() != null).isEmpty();
        });
    }

    @Test
    void aChunkedBodyOverTheCapIs413() {
        TestApp.run(TestApp.app(world), browser -> {
            try (Socket socket = new Socket("localhost", browser.port())) {
                String chunk = "a".repeat(5000);
                String status = statusAfter(socket, post(browser.port(), "/logout",
                        "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n")
                        + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n");
                assertThat(status).isEqualTo("HTTP/1.1 413 Payload Too Large");
            }
        });
    }

    @Test
    void aWholeSmallFormStillWorks() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            String page = browser.get("/messages").body();
            String csrf = page.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
            Browser.Response logout = browser.post("/logout", "csrf=" + Browser.encode(csrf));
            assertThat(logout.status()).isEqualTo(303);
            assertThat(logout.location()).isEqualTo("/?bye=signed-out");
        });
    }

    private List<String> messages() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    static {
        ((Logger) LoggerFactory.getLogger(BodyBuffering.class)).setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger(SlowHeaderSweep.class)).setLevel(Level.INFO);
    }
}
