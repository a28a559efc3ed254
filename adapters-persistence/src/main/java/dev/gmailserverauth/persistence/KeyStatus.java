package dev.gmailserverauth.persistence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The encryption keys as this instance and the database see them. No key material, only key ids.
 *
 * @param source           where this instance's keys come from ("the configured key", "the key file …")
 * @param fromKeyFile      true for a generated key file (SQLite without a configured key), false for configured keys
 * @param currentKeyId     the key new values are sealed with
 * @param readableKeyIds   every key this instance can open, current first
 * @param recordedKeyIds   the keys the database records, oldest first
 * @param rowsByTable      sealed rows per key id, by table
 */
public record KeyStatus(String source, boolean fromKeyFile, String currentKeyId, List<String> readableKeyIds, List<String> recordedKeyIds,
                        Map<String, Map<String, Integer>> rowsByTable) {
    public KeyStatus {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(currentKeyId, "currentKeyId");
        readableKeyIds = List.copyOf(readableKeyIds);
        recordedKeyIds = List.copyOf(recordedKeyIds);
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        rowsByTable.forEach((table, rows) -> copy.put(table, Collections.unmodifiableMap(new LinkedHashMap<>(rows))));
        rowsByTable = Collections.unmodifiableMap(copy);
    }

    /** The keys some row is sealed with. */
    public Set<String> keysInUse() {
        Set<String> inUse = new LinkedHashSet<>();
        rowsByTable.values().forEach(rows -> inUse.addAll(rows.keySet()));
        return inUse;
    }

    /** Rows sealed with a key other than the current one: a rotation to finish. */
    public int rowsUnderOtherKeys() {
        return rowsByTable.values().stream()
                .flatMap(rows -> rows.entrySet().stream())
                .filter(entry -> !entry.getKey().equals(currentKeyId))
                .mapToInt(Map.Entry::getValue)
                .sum();
    }
}
