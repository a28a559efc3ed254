package dev.gmailserverauth.web.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request reaches a request thread only once its body has arrived whole. A body is read without holding
 * a thread (Jetty's asynchronous reads), within a size cap and a deadline for the whole body; only then is
 * the request handed on, with its body in memory. So a client that sends a body one byte at a time
 * holds a connection, never a thread, and is cut off at the deadline with 408, whatever its pace (the
 * connector's idle timeout alone restarts with every byte).
 *
 * <ul>
 *   <li>a declared {@code Content-Length} over the cap: 413 at once, before any byte is read (forms have
 *       a smaller cap than other bodies: ours carry a CSRF token and nothing else);</li>
 *   <li>more bytes than the cap as they arrive (chunked): 413;</li>
 *   <li>a malformed body (broken chunked encoding): 400;</li>
 *   <li>not all there by the deadline: 408, and the connection is closed;</li>
 *   <li>the client goes away: nothing to answer.</li>
 * </ul>
 * Each of these is one log line, never a stack trace. Slow headers are {@link SlowHeaderSweep}'s job; why
 * Jetty's own {@code DelayedHandler} and {@code EagerContentHandler} are not used instead is in
 * {@code docs/decisions/0011-request-bodies-read-whole.md}.
 */
public final class BodyBuffering extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(BodyBuffering.class);

    private final int maxBodyBytes;
    private final int maxFormBytes;
    private final Duration bodyDeadline;

    public BodyBuffering(int maxBodyBytes, int maxFormBytes, Duration bodyDeadline) {
        if (maxFormBytes > maxBodyBytes) throw new IllegalArgumentException("the form cap is above the body cap");
        this.maxBodyBytes = maxBodyBytes;
        this.maxFormBytes = maxFormBytes;
        this.bodyDeadline = bodyDeadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return arrive(request, response, callback);
    }

    private boolean arrive(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (declared <= 0 && !chunked) return super.handle(request, response, callback);

        int cap = isForm(request) ? maxFormBytes : maxBodyBytes;
        if (declared > cap) {
            refuse(request, response, callback, 413, "declared a body of " + declared + " bytes, over the cap of " + cap);
            return true;
        }
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        Content.Source.asRetainableByteBuffer(request, request.getComponents().getByteBufferPool(), false, cap, new Promise<>() {
            @Override
            public void succeeded(RetainableByteBuffer buffer) {
                body.complete(copy(buffer));
            }

            @Override
            public void failed(Throwable failure) {
                body.completeExceptionally(failure);
            }
        });
        AtomicBoolean late = new AtomicBoolean();
        Scheduler.Task deadline = request.getComponents().getScheduler().schedule(() -> {
            if (body.isDone()) return;
            late.set(true);
            request.fail(new TimeoutException("the request body did not arrive in time"));
        }, bodyDeadline.toMillis(), TimeUnit.MILLISECONDS);
        body.whenComplete((bytes, failure) -> {
            deadline.cancel();
            if (failure == null) {
                handOn(request, response, callback, bytes);
            } else if (late.get()) {
                refuse(request, response, callback, 408, "the body did not arrive within " + bodyDeadline.toSeconds() + " s");
            } else {
                failed(request, response, callback, failure, cap);
            }
        });
        return true;
    }

    private void handOn(Request request, Response response, Callback callback, byte[] bytes) {
        Request buffered = new Request.Wrapper(request) {
            private final Content.Source content = new ByteBufferContentSource(ByteBuffer.wrap(bytes));

            @Override
            public long getLength() {
                return bytes.length;
            }

            @Override
            public Content.Chunk read() {
                return content.read();
            }

            @Override
            public void demand(Runnable demandCallback) {
                content.demand(demandCallback);
            }

            @Override
            public void fail(Throwable failure) {
                content.fail(failure);
            }
        };
        try {
            if (!super.handle(buffered, response, callback)) Response.writeError(buffered, response, callback, 404);
        } catch (Throwable t) {
            callback.failed(t);
        }
    }

    private void failed(Request request, Response response, Callback callback, Throwable failure, int cap) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpException bad) {
            refuse(request, response, callback, bad.getCode() == 413 ? 413 : 400, "a malformed body (" + bad.getReason() + ")");
        } else if (cause instanceof IllegalStateException) {
            // what Jetty's reader raises once more than the maximum arrived
            refuse(request, response, callback, 413, "a body over the cap of " + cap + " bytes (" + cause.getMessage() + ")");
        } else if (cause instanceof IOException) {
            LOG.info("{} {}: the client went away while sending its body ({})", request.getMethod(), request.getHttpURI().getPath(),
                    cause.getClass().getSimpleName());
            refuse(request, response, callback, 400, "the body broke off");
        } else {
            refuse(request, response, callback, 400, "the body could not be read (" + cause.getClass().getSimpleName() + ")");
        }
    }

    /** A copy of the body; the buffer itself stays Jetty's, which releases it once the promise has run. */
    private static byte[] copy(RetainableByteBuffer buffer) {
        ByteBuffer content = buffer.getByteBuffer().slice();
        byte[] bytes = new byte[content.remaining()];
        content.get(bytes);
        return bytes;
    }

    private static void refuse(Request request, Response response, Callback callback, int status, String why) {
        LOG.info("{} {} answered {}: {}", request.getMethod(), request.getHttpURI().getPath(), status, why);
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        Response.writeError(request, response, callback, status);
    }

    private static boolean isForm(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
