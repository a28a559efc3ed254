package dev.gmailserverauth.persistence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a key rotation did.
 *
 * @param keyId        the key every row is now meant to be under
 * @param reencrypted  rows re-encrypted, by table
 * @param keysInUse    the keys the database still needs: only {@code keyId} when the rotation is complete
 */
public record KeyRotationResult(String keyId, Map<String, Integer> reencrypted, Set<String> keysInUse) {
    public KeyRotationResult {
        Objects.requireNonNull(keyId, "keyId");
        reencrypted = Collections.unmodifiableMap(new LinkedHashMap<>(reencrypted));
        keysInUse = Collections.unmodifiableSet(new LinkedHashSet<>(keysInUse));
    }

    public int total() {
        return reencrypted.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** True when no row is left under another key. */
    public boolean complete() {
        return keysInUse.equals(Set.of(keyId));
    }
}
