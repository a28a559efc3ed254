package dev.gmailserverauth.web.events;

import dev.gmailserverauth.application.SignedIn;
import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.web.shared.BadInput;
import dev.gmailserverauth.web.shared.Json;
import dev.gmailserverauth.web.shared.Responses;
import dev.gmailserverauth.web.shared.Sessions;
import dev.gmailserverauth.web.shared.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /api/events}: the signed-in person's events as Server-Sent Events, the same the webhooks carry. With
 * {@code ?account=} the events of that one linked account, without it those of all the person's linked accounts. Each
 * event's SSE {@code id} is its outbox position; {@code Last-Event-ID} resumes after it from the outbox. 401 signed
 * out, 406 without {@code Accept: text/event-stream}, 400 for a malformed {@code Last-Event-ID}, 429 when the person
 * holds all their streams, 503 when the instance holds all of its. The response is asynchronous (Javalin's
 * {@link SseHandler}): no request thread is held while it is open.
 */
public final class EventRoutes {
    public static final String PATH = "/api/events";
    private static final int MAX_ID_DIGITS = 18;

    private final EventStreams streams;
    private final Sessions sessions;

    public EventRoutes(EventStreams streams, Sessions sessions) {
        this.streams = Objects.requireNonNull(streams);
        this.sessions = Objects.requireNonNull(sessions);
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::open);
    }

    private void open(Context ctx) {
        Visitor visitor = sessions.visitor(ctx);
        SignedIn person = visitor.requirePerson();
        boolean allAccounts = visitor.namedAccount().isEmpty();
        Set<UserId> accounts = allAccounts
                ? person.accounts().stream().map(LinkedAccount::account).collect(Collectors.toSet())
                : Set.of(visitor.requireUser());
        Optional<Long> resumeAfter = lastEventId(ctx);
        if (!Optional.ofNullable(ctx.header("Accept")).orElse("").contains("text/event-stream")) {
            Responses.json(ctx, 406, Json.object("error", "not_acceptable", "message", "this is an event stream: send Accept: text/event-stream"));
            return;
        }
        streams.admit(person.person(), visitor.token().orElseThrow(), accounts, allAccounts, resumeAfter).<Void>fold(
                admitted -> {
                    stream(ctx, admitted.stream(), resumeAfter);
                    return null;
                },
                refused -> {
                    if (refused.status() == 429 || refused.status() == 503) ctx.header("Retry-After", "10");
                    Responses.json(ctx, refused.status(), Json.object("error", refused.error(), "message", refused.message()));
                    return null;
                });
    }

    private void stream(Context ctx, EventStream stream, Optional<Long> resumeAfter) {
        try {
            new SseHandler(client -> {
                client.keepAlive();
                streams.start(stream, client, resumeAfter);
            }).handle(ctx);
        } catch (RuntimeException e) {
            streams.abandon(stream);
            throw e;
        }
    }

    /** The position the client saw last: digits only ({@code Last-Event-ID}, or {@code lastEventId} in the query). */
    private static Optional<Long> lastEventId(Context ctx) {
        Optional<String> raw = Optional.ofNullable(ctx.header("Last-Event-ID")).or(() -> Optional.ofNullable(ctx.queryParam("lastEventId")))
                .map(String::strip).filter(value -> !value.isEmpty());
        if (raw.isEmpty()) return Optional.empty();
        String value = raw.get();
        if (value.length() > MAX_ID_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadInput("Last-Event-ID must be the id of an event this stream sent (a whole number)");
        }
        return Optional.of(Long.parseLong(value));
    }
}
