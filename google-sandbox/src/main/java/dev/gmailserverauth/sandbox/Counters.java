package dev.gmailserverauth.sandbox;

import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of what the sandbox has served.
 *
 * @param roundTrips HTTP requests received per endpoint (a batch counts once, under {@link Endpoint#BATCH})
 * @param calls API calls per endpoint, counting each batch part under the endpoint it targets
 */
public record Counters(Map<Endpoint, Long> roundTrips, Map<Endpoint, Long> calls,
                       long refreshes, long codeExchanges, long batchParts) {

    public Counters {
        roundTrips = copy(roundTrips);
        calls = copy(calls);
    }

    /** HTTP requests received by that endpoint (batch parts not included). */
    public long roundTrips(Endpoint endpoint) {
        return roundTrips.getOrDefault(endpoint, 0L);
    }

    /** Calls of that endpoint, direct or as batch parts. */
    public long calls(Endpoint endpoint) {
        return calls.getOrDefault(endpoint, 0L);
    }

    /** HTTP requests received in total (a batch = 1). */
    public long totalRoundTrips() {
        return roundTrips.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<Endpoint, Long> copy(Map<Endpoint, Long> source) {
        var map = new EnumMap<Endpoint, Long>(Endpoint.class);
        if (source != null) map.putAll(source);
        return Map.copyOf(map);
    }
}
