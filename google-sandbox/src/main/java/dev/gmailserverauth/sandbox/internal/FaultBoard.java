package dev.gmailserverauth.sandbox.internal;

import dev.gmailserverauth.sandbox.Counters;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.Fault;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Pending faults, added latency and counters. Thread-safe. */
public final class FaultBoard {
    private final Map<Endpoint, Deque<Fault>> faults = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Long> roundTrips = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Long> calls = new EnumMap<>(Endpoint.class);
    private long refreshes;
    private long codeExchanges;
    private long batchParts;
    private Duration latency = Duration.ZERO;

    public synchronized void inject(Endpoint endpoint, int times, Fault fault) {
        if (times < 1) throw new IllegalArgumentException("times must be >= 1");
        Deque<Fault> queue = faults.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) queue.addLast(fault);
    }

    public synchronized void clearFaults() {
        faults.clear();
    }

    /** The fault for this call of the endpoint, if one is pending (it is used up). */
    public synchronized Optional<Fault> nextFault(Endpoint endpoint) {
        Deque<Fault> queue = faults.get(endpoint);
        return queue == null ? Optional.empty() : Optional.ofNullable(queue.pollFirst());
    }

    public synchronized void setLatency(Duration perRequest) {
        if (perRequest.isNegative()) throw new IllegalArgumentException("latency is negative");
        latency = perRequest;
    }

    public synchronized Duration latency() {
        return latency;
    }

    /** An HTTP request arrived at this endpoint. */
    public synchronized void roundTrip(Endpoint endpoint) {
        roundTrips.merge(endpoint, 1L, Long::sum);
        if (endpoint != Endpoint.BATCH) calls.merge(endpoint, 1L, Long::sum);
    }

    /** A batch part targeting this endpoint. */
    public synchronized void batchPart(Endpoint endpoint) {
        batchParts++;
        calls.merge(endpoint, 1L, Long::sum);
    }

    public synchronized void refresh() {
        refreshes++;
    }

    public synchronized void codeExchange() {
        codeExchanges++;
    }

    public synchronized Counters snapshot() {
        return new Counters(roundTrips, calls, refreshes, codeExchanges, batchParts);
    }

    public synchronized void reset() {
        roundTrips.clear();
        calls.clear();
        refreshes = 0;
        codeExchanges = 0;
        batchParts = 0;
    }
}
