package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.event.AccountEvent;
import dev.gmailserverauth.domain.event.EventId;
import dev.gmailserverauth.domain.event.EventOutbox;
import dev.gmailserverauth.domain.event.EventType;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link EventOutbox} in memory, for use-case tests. It keeps the payloads, so tests assert what was said; the
 * body is a placeholder (the JSON is the persistence adapter's).
 */
public final class InMemoryEventOutbox implements EventOutbox {
    private final List<AccountEvent> events = new ArrayList<>();
    private final List<NewEvent> appended = new ArrayList<>();
    private final Map<UserId, Long> sequences = new HashMap<>();
    private final Set<String> onceKeys = new HashSet<>();

    @Override
    public synchronized AccountEvent append(NewEvent event) {
        long sequence = sequences.merge(event.account(), 1L, Long::sum);
        AccountEvent stored = new AccountEvent(EventId.random(), event.type(), event.account(), sequence, event.occurredAt(),
                events.size() + 1L, "{\"type\":\"" + event.type().wireName() + "\"}");
        events.add(stored);
        appended.add(event);
        return stored;
    }

    @Override
    public synchronized Optional<AccountEvent> appendOnce(NewEvent event, String onceKey) {
        return onceKeys.add(onceKey) ? Optional.of(append(event)) : Optional.empty();
    }

    @Override
    public synchronized Optional<AccountEvent> find(EventId id) {
        return events.stream().filter(event -> event.id().equals(id)).findFirst();
    }

    @Override
    public synchronized List<AccountEvent> after(long position, int limit) {
        return events.stream().filter(event -> event.position() > position).limit(limit).toList();
    }

    @Override
    public synchronized List<AccountEvent> since(Instant since, int limit) {
        return events.stream().filter(event -> !event.occurredAt().isBefore(since)).limit(limit).toList();
    }

    @Override
    public synchronized long lastPosition() {
        return events.size();
    }

    /** What was appended, payloads included, oldest first. */
    public synchronized List<NewEvent> appended() {
        return List.copyOf(appended);
    }

    /** What was appended of this type. */
    public synchronized List<NewEvent> appended(EventType type) {
        return appended.stream().filter(event -> event.type() == type).toList();
    }
}
