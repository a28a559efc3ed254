package dev.gmailserverauth.application.sync;

import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The names of each person's own labels as Gmail last listed them to this instance, so that a view by name
 * ({@code label:Receipts}, the web front's sidebar links) can be read from the index, which knows labels only by id.
 *
 * <p>Filled whenever the labels are read at Gmail anyway (the sidebar of every page, {@code /api/labels}), so it costs
 * no call of its own; until then, and after {@code timeToLive}, a view by name goes to Gmail as before. Gmail's history
 * does not report a label renamed or deleted, so a name may be stale for at most {@code timeToLive} (two poll
 * intervals: the same bound as the index's own freshness). After a disconnect the names are never read again (the
 * index serves no account without a sync) and age out. Gmail's {@code label:} form is matched: case aside, spaces
 * and slashes written as dashes; two labels of one person with the same form are left to Gmail. Bounded to
 * {@code maxUsers} people, least recently used first out.
 */
public final class KnownLabels {
    private record Known(Map<String, Optional<LabelId>> bySearchName, Instant listedAt) {
    }

    private final int maxUsers;
    private final Duration timeToLive;
    private final Clock clock;
    private final LinkedHashMap<UserId, Known> users;

    public KnownLabels(int maxUsers, Duration timeToLive, Clock clock) {
        if (maxUsers < 0) throw new IllegalArgumentException("maxUsers is negative");
        this.maxUsers = maxUsers;
        this.timeToLive = Objects.requireNonNull(timeToLive);
        this.clock = Objects.requireNonNull(clock);
        this.users = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UserId, Known> eldest) {
                return size() > KnownLabels.this.maxUsers;
            }
        };
    }

    /** The form Gmail's {@code label:} operator takes a name in: lower case, spaces and slashes as dashes. */
    static String searchName(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('/', '-');
    }

    /** Gmail has just listed this person's labels: their own labels replace what was known. */
    public synchronized void listed(UserId user, List<Label> labels) {
        Map<String, Optional<LabelId>> byName = new HashMap<>();
        for (Label label : labels) {
            if (label.type() != Label.Type.USER) continue;
            // A second label with the same form makes the name ambiguous: Gmail decides which it means.
            byName.merge(searchName(label.name()), Optional.of(label.id()), (first, second) -> Optional.empty());
        }
        users.put(user, new Known(Map.copyOf(byName), clock.instant()));
    }

    /** The id of this person's own label with this name, as {@code label:} writes it, when known and fresh. */
    public synchronized Optional<LabelId> find(UserId user, String name) {
        Known known = users.get(user);
        if (known == null) return Optional.empty();
        if (known.listedAt().plus(timeToLive).isBefore(clock.instant())) {
            users.remove(user);
            return Optional.empty();
        }
        return known.bySearchName().getOrDefault(searchName(name), Optional.empty());
    }
}
