package dev.gmailserverauth.sandbox.internal.batch;

import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.FaultResponses;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import dev.gmailserverauth.sandbox.internal.JavalinAdapter;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import dev.gmailserverauth.sandbox.internal.gmail.Admission;
import dev.gmailserverauth.sandbox.internal.gmail.GmailApi;
import dev.gmailserverauth.sandbox.internal.gmail.GmailRoute;
import dev.gmailserverauth.sandbox.internal.gmail.LimitBoard;
import io.javalin.config.RoutesConfig;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /batch} and {@code POST /batch/gmail/v1}: a multipart/mixed of application/http parts, each
 * answered in order. Outer headers (but not Content-*) and outer query parameters apply to every part. The parts
 * run in parallel, as at Google, each holding one of its user's concurrency slots.
 */
public final class BatchEndpoint {
    public static final int MAX_PARTS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(BatchEndpoint.class);
    private static final String CRLF = "\r\n";

    private final SandboxState state;
    private final GmailApi gmail;
    private final SecureRandom random = new SecureRandom();
    private final ExecutorService parallel = partRunner();

    public BatchEndpoint(SandboxState state, GmailApi gmail) {
        this.state = state;
        this.gmail = gmail;
    }

    /** Up to {@link #MAX_PARTS} daemon threads, created when needed and gone after a minute idle; more parts queue. */
    private static ExecutorService partRunner() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_PARTS, MAX_PARTS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "google-sandbox-batch-part-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Serves {@code POST /batch} and {@code POST /batch/gmail/v1}. */
    public void register(RoutesConfig routes) {
        for (String path : List.of("/batch", "/batch/gmail/v1")) {
            routes.post(path, ctx -> JavalinAdapter.counted(ctx, state, Endpoint.BATCH, this::batch));
        }
    }

    ApiResponse batch(ApiRequest request) {
        Optional<ApiResponse> faulted = state.faults().nextFault(Endpoint.BATCH)
                .flatMap(f -> FaultResponses.apply(f, FaultResponses.Style.GOOGLE_API));
        if (faulted.isPresent()) return faulted.get();
        Optional<String> boundary = MultipartMixed.boundary(request.header("Content-Type").orElse(""));
        if (boundary.isEmpty()) return GoogleErrors.badRequest("Invalid Content-Type: a batch request must be multipart/mixed", "Content-Type");
        List<MultipartMixed.Part> parts;
        try {
            parts = MultipartMixed.parse(boundary.get(), request.body(), MAX_PARTS * 10);
        } catch (MultipartMixed.MalformedMultipart e) {
            return GoogleErrors.badRequest(e.getMessage(), "body");
        }
        if (parts.isEmpty()) return GoogleErrors.badRequest("Batch request contains no parts", "body");
        if (parts.size() > MAX_PARTS) return GoogleErrors.badRequest("Too many requests in batch: at most " + MAX_PARTS, "body");

        String responseBoundary = "batch_" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
        List<ApiResponse> answers = answerAll(parts, request);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < parts.size(); i++) {
            MultipartMixed.Part part = parts.get(i);
            ApiResponse answer = answers.get(i);
            write(out, "--" + responseBoundary + CRLF + "Content-Type: application/http" + CRLF);
            String contentId = part.headers().get("Content-ID");
            if (contentId != null) write(out, "Content-ID: " + responseContentId(contentId) + CRLF);
            write(out, CRLF + "HTTP/1.1 " + answer.status() + " " + HttpStatus.getMessage(answer.status()) + CRLF);
            write(out, "Content-Type: " + answer.contentType() + CRLF);
            answer.headers().forEach((k, v) -> write(out, k + ": " + v + CRLF));
            write(out, "Content-Length: " + answer.body().length + CRLF + CRLF);
            out.writeBytes(answer.body());
            write(out, CRLF);
        }
        write(out, "--" + responseBoundary + "--" + CRLF);
        return new ApiResponse(200, "multipart/mixed; boundary=" + responseBoundary, Map.of(), out.toByteArray());
    }

    /**
     * Admits the parts in order (so faults and counters follow the part order), gives them their users'
     * concurrency slots all at once, as Google starts the parts of a batch together, then runs them in parallel.
     */
    private List<ApiResponse> answerAll(List<MultipartMixed.Part> parts, ApiRequest outer) {
        List<Admission> admissions = parts.stream().map(part -> admit(part, outer)).toList();
        List<String> users = admissions.stream().flatMap(a -> a.toRun().stream()).map(call -> call.owner().id()).toList();
        Iterator<Optional<LimitBoard.Slot>> slots = state.limits().enterAll(users).iterator();
        List<Future<ApiResponse>> running = new ArrayList<>();
        for (Admission admission : admissions) {
            running.add(admission.fold(answered -> CompletableFuture.completedFuture(answered.response()), ready -> {
                Optional<LimitBoard.Slot> slot = slots.next();
                return parallel.submit(() -> gmail.run(ready.call(), slot));
            }));
        }
        return running.stream().map(BatchEndpoint::await).toList();
    }

    private Admission admit(MultipartMixed.Part part, ApiRequest outer) {
        Optional<ApiRequest> inner = innerRequest(part.content(), outer);
        if (inner.isEmpty()) return new Admission.Answered(GoogleErrors.badRequest("Could not parse the batch part's HTTP request", "body"));
        Optional<Endpoint> endpoint = GmailRoute.endpointOf(inner.get().method(), inner.get().path());
        endpoint.ifPresent(state.faults()::batchPart);
        return gmail.admit(inner.get());
    }

    private static ApiResponse await(Future<ApiResponse> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GoogleErrors.backendError();
        } catch (ExecutionException e) {
            LOG.error("a batch part failed", e.getCause());
            return GoogleErrors.backendError();
        }
    }

    /** Stops the threads that run batch parts. */
    public void close() {
        parallel.shutdownNow();
    }

    /**
     * Reads the part's HTTP request: a request line whose target may be absolute (the Java client) or a path
     * (Google's guide, where the HTTP version may be missing), headers, a blank line, an optional body.
     * Jetty's HttpParser rejects the version-less form, so this small reader does it.
     */
    private static Optional<ApiRequest> innerRequest(byte[] content, ApiRequest outer) {
        String text = new String(content, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf("\r\n\r\n");
        int separator = 4;
        if (headerEnd < 0) {
            headerEnd = text.indexOf("\n\n");
            separator = 2;
        }
        String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
        String body = headerEnd < 0 ? "" : text.substring(headerEnd + separator);
        String[] lines = head.strip().split("\r?\n");
        String[] requestLine = lines[0].trim().split(" ");
        if (requestLine.length < 2) return Optional.empty();
        URI target;
        try {
            target = new URI(requestLine[1]);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        outer.headers().forEach((k, v) -> {
            if (!k.toLowerCase(java.util.Locale.ROOT).startsWith("content-")) headers.put(k, v);
        });
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
        }
        Map<String, List<String>> query = new LinkedHashMap<>(outer.query());
        query.putAll(decodeQuery(target.getRawQuery()));
        return Optional.of(new ApiRequest(requestLine[0], Optional.ofNullable(target.getPath()).orElse("/"), query, headers,
                body.getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    private static Map<String, List<String>> decodeQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return query;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    /** {@code <item1:x>} is answered as {@code <response-item1:x>}; the Java client's bare {@code 1} as {@code <response-1>}. */
    private static String responseContentId(String contentId) {
        String id = contentId.trim();
        if (id.startsWith("<") && id.endsWith(">")) id = id.substring(1, id.length() - 1);
        return "<response-" + id + ">";
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
