package dev.gmailserverauth.web.events;

import dev.gmailserverauth.application.events.ReadEvents;
import java.time.Clock;
import java.util.Objects;

/** What {@code GET /api/events} needs: the outbox, read in order, the clock of its timers, and its bounds. */
public record EventsWeb(ReadEvents read, Clock clock, StreamLimits limits) {
    public EventsWeb {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(limits, "limits");
    }
}
