package dev.gmailserverauth.domain.port;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/** What a {@link Mailbox} call came to. */
public sealed interface MailboxResponse<T> {

    record Ok<T>(T value) implements MailboxResponse<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** 401: the access token is expired or revoked. */
    record Unauthorized<T>() implements MailboxResponse<T> {
    }

    /** 403 insufficient permissions: the grant lacks a Gmail read scope. */
    record InsufficientScope<T>() implements MailboxResponse<T> {
    }

    /** 404: no such message, thread or label for this user. */
    record NotFound<T>() implements MailboxResponse<T> {
    }

    /** 400: the mailbox rejected an argument (for example a page token it never issued). */
    record BadRequest<T>(String reason) implements MailboxResponse<T> {
        public BadRequest {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The user's Gmail quota is spent (403 {@code rateLimitExceeded} / {@code userRateLimitExceeded}, 429) and
     * will not free up before the request's deadline: try again at {@code retryAt}.
     */
    record RateLimited<T>(Instant retryAt) implements MailboxResponse<T> {
        public RateLimited {
            Objects.requireNonNull(retryAt, "retryAt");
        }
    }

    /** The same outcome with the successful value transformed. */
    default <R> MailboxResponse<R> map(Function<? super T, ? extends R> mapper) {
        return flatMap(value -> new Ok<>(mapper.apply(value)));
    }

    /** Chains a call that runs only after a success; any other outcome passes through unchanged. */
    default <R> MailboxResponse<R> flatMap(Function<? super T, MailboxResponse<R>> next) {
        if (this instanceof Ok<T> ok) return next.apply(ok.value());
        if (this instanceof Unauthorized<T>) return new Unauthorized<>();
        if (this instanceof InsufficientScope<T>) return new InsufficientScope<>();
        if (this instanceof NotFound<T>) return new NotFound<>();
        if (this instanceof RateLimited<T> limited) return new RateLimited<>(limited.retryAt());
        return new BadRequest<>(((BadRequest<T>) this).reason());
    }
}
