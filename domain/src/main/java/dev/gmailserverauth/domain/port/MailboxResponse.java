package dev.gmailserverauth.domain.port;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/** What a {@link Mailbox} call came to. */
public sealed interface MailboxResponse<T> {
    /** Takes this apart: runs the one function for its case. */
    <R> R fold(Function<Ok<T>, R> ok,
            Function<Unauthorized<T>, R> unauthorized,
            Function<InsufficientScope<T>, R> insufficientScope,
            Function<NotFound<T>, R> notFound,
            Function<BadRequest<T>, R> badRequest,
            Function<RateLimited<T>, R> rateLimited);

    record Ok<T>(T value) implements MailboxResponse<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R fold(Function<Ok<T>, R> ok,
                Function<Unauthorized<T>, R> unauthorized,
                Function<InsufficientScope<T>, R> insufficientScope,
                Function<NotFound<T>, R> notFound,
                Function<BadRequest<T>, R> badRequest,
                Function<RateLimited<T>, R> rateLimited) {
            return ok.apply(this);
        }
    }

    /** 401: the access token is expired or revoked. */
    record Unauthorized<T>() implements MailboxResponse<T> {
        @Override
        public <R> R fold(Function<Ok<T>, R> ok,
                Function<Unauthorized<T>, R> unauthorized,
                Function<InsufficientScope<T>, R> insufficientScope,
                Function<NotFound<T>, R> notFound,
                Function<BadRequest<T>, R> badRequest,
                Function<RateLimited<T>, R> rateLimited) {
            return unauthorized.apply(this);
        }
    }

    /** 403 insufficient permissions: the grant lacks a Gmail read scope. */
    record InsufficientScope<T>() implements MailboxResponse<T> {
        @Override
        public <R> R fold(Function<Ok<T>, R> ok,
                Function<Unauthorized<T>, R> unauthorized,
                Function<InsufficientScope<T>, R> insufficientScope,
                Function<NotFound<T>, R> notFound,
                Function<BadRequest<T>, R> badRequest,
                Function<RateLimited<T>, R> rateLimited) {
            return insufficientScope.apply(this);
        }
    }

    /** 404: no such message, thread or label for this user. */
    record NotFound<T>() implements MailboxResponse<T> {
        @Override
        public <R> R fold(Function<Ok<T>, R> ok,
                Function<Unauthorized<T>, R> unauthorized,
                Function<InsufficientScope<T>, R> insufficientScope,
                Function<NotFound<T>, R> notFound,
                Function<BadRequest<T>, R> badRequest,
                Function<RateLimited<T>, R> rateLimited) {
            return notFound.apply(this);
        }
    }

    /** 400: the mailbox rejected an argument (for example a page token it never issued). */
    record BadRequest<T>(String reason) implements MailboxResponse<T> {
        public BadRequest {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public <R> R fold(Function<Ok<T>, R> ok,
                Function<Unauthorized<T>, R> unauthorized,
                Function<InsufficientScope<T>, R> insufficientScope,
                Function<NotFound<T>, R> notFound,
                Function<BadRequest<T>, R> badRequest,
                Function<RateLimited<T>, R> rateLimited) {
            return badRequest.apply(this);
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

        @Override
        public <R> R fold(Function<Ok<T>, R> ok,
                Function<Unauthorized<T>, R> unauthorized,
                Function<InsufficientScope<T>, R> insufficientScope,
                Function<NotFound<T>, R> notFound,
                Function<BadRequest<T>, R> badRequest,
                Function<RateLimited<T>, R> rateLimited) {
            return rateLimited.apply(this);
        }
    }

    /** The same outcome with the successful value transformed. */
    default <R> MailboxResponse<R> map(Function<? super T, ? extends R> mapper) {
        return flatMap(value -> new Ok<>(mapper.apply(value)));
    }

    /** Chains a call that runs only after a success; any other outcome passes through unchanged. */
    default <R> MailboxResponse<R> flatMap(Function<? super T, MailboxResponse<R>> next) {
        return fold(ok -> next.apply(ok.value()),
                unauthorized -> new Unauthorized<>(),
                insufficientScope -> new InsufficientScope<>(),
                notFound -> new NotFound<>(),
                badRequest -> new BadRequest<>(badRequest.reason()),
                rateLimited -> new RateLimited<>(rateLimited.retryAt()));
    }
}
