package dev.gmailserverauth.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test's Server-Sent Events client, written from the format's definition (HTML Living Standard, "Server-sent events"):
 * opens {@code /api/events} with the session cookie, parses {@code id:}, {@code event:}, {@code data:} and comments on
 * a reader thread, and hands each dispatched event to a queue a test waits on with a bound.
 */
final class SseStream implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    record Event(Optional<String> id, String type, String data) {
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    private SseStream(HttpResponse<InputStream> response) {
        this.response = response;
    }

    /** Opens the stream; answers once the response's headers are in (the body is read only when {@link #listen} is called). */
    static SseStream open(String origin, String pathAndQuery, Optional<String> cookie, Optional<String> lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + pathAndQuery)).header("Accept", "text/event-stream").GET();
        cookie.ifPresent(value -> request.header("Cookie", value));
        lastEventId.ifPresent(value -> request.header("Last-Event-ID", value));
        try {
            return new SseStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static SseStream listening(String origin, String pathAndQuery, Optional<String> cookie, Optional<String> lastEventId) {
        return open(origin, pathAndQuery, cookie, lastEventId).listen();
    }

    int status() {
        return response.statusCode();
    }

    Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    /** The body of a refusal. */
    String body() {
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts reading events on a thread of its own (a test's client, not the server). */
    SseStream listen() {
        Thread reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
        return this;
    }

    /** The next event, waited for at most {@link #WAIT}. */
    Event next() throws InterruptedException {
        Event event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) throw new AssertionError("no event within " + WAIT);
        return event;
    }

    /** The next comment, waited for at most {@link #WAIT}. */
    String nextComment() throws InterruptedException {
        String comment = comments.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (comment == null) throw new AssertionError("no comment within " + WAIT);
        return comment;
    }

    /** Whether the server ended the response within {@link #WAIT}. */
    boolean endsWithin() throws InterruptedException {
        return ended.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Events received and not yet taken. */
    List<Event> pending() {
        List<Event> drained = new ArrayList<>();
        events.drainTo(drained);
        return drained;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            Optional<String> id = Optional.empty();
            String type = "message";
            StringBuilder data = new StringBuilder();
            boolean hasData = false;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (hasData) events.add(new Event(id, type, data.toString()));
                    id = Optional.empty();
                    type = "message";
                    data.setLength(0);
                    hasData = false;
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = Optional.of(value);
                        case "event" -> type = value;
                        case "data" -> {
                            if (hasData) data.append('\n');
                            data.append(value);
                            hasData = true;
                        }
                        default -> { }
                    }
                }
            }
        } catch (IOException e) {
            // the connection was cut: the stream ended
        } finally {
            ended.countDown();
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // closing a stream the server already ended
        }
    }
}
