package dev.gmailserverauth.google;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link GoogleCallListener} that keeps what it heard, for assertions. */
final class RecordingListener implements GoogleCallListener {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<String, Integer> units = new ConcurrentHashMap<>();
    final List<String> refused = new CopyOnWriteArrayList<>();

    @Override
    public void call(String method, String outcome, Duration took) {
        calls.add(method + " " + outcome);
    }

    @Override
    public void quotaUnits(String method, int spent) {
        units.merge(method, spent, Integer::sum);
    }

    @Override
    public void refused(String kind) {
        refused.add(kind);
    }
}
