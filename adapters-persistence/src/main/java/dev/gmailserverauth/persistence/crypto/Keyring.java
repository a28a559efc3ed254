package dev.gmailserverauth.persistence.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The keys this process knows: the current one encrypts, every one decrypts. More than one only while a
 * key rotation is in progress.
 */
public record Keyring(EncryptionKey current, List<EncryptionKey> readable) {

    public Keyring {
        Objects.requireNonNull(current, "current");
        LinkedHashSet<EncryptionKey> keys = new LinkedHashSet<>();
        keys.add(current);
        keys.addAll(Objects.requireNonNull(readable, "readable"));
        readable = List.copyOf(keys);
    }

    public static Keyring of(EncryptionKey current) {
        return new Keyring(current, List.of());
    }

    /**
     * Parses one base64 key, or several separated by commas ({@code NEW,OLD}): the first encrypts, the
     * others are only read (for a rotation across several instances). This is the one rule for the
     * configured keys and the key file alike.
     *
     * @throws IllegalArgumentException saying what a key must be, and which one is wrong when there are several
     */
    public static Keyring parse(String keys) {
        List<String> parts = Arrays.stream(keys.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
        if (parts.isEmpty()) throw new IllegalArgumentException("must be at least one base64 key");
        List<EncryptionKey> parsed = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            try {
                parsed.add(EncryptionKey.fromBase64(parts.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(parts.size() == 1 ? e.getMessage() : e.getMessage() + " (key " + (i + 1) + " of " + parts.size() + ")");
            }
        }
        return new Keyring(parsed.get(0), parsed);
    }

    public Optional<EncryptionKey> find(String id) {
        return readable.stream().filter(key -> key.id().equals(id)).findFirst();
    }

    public Set<String> ids() {
        return readable.stream().map(EncryptionKey::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** This keyring with {@code next} as the current key, still able to read every key it had. */
    public Keyring rotatedTo(EncryptionKey next) {
        List<EncryptionKey> all = new ArrayList<>(readable);
        return new Keyring(next, all);
    }

    /** Only the keys whose id is in {@code keep}, plus the current one. */
    public Keyring retaining(Set<String> keep) {
        return new Keyring(current, readable.stream().filter(key -> keep.contains(key.id())).toList());
    }

    /** The keys, current first, in the form {@link #parse} reads. */
    public List<String> toBase64() {
        return readable.stream().map(EncryptionKey::toBase64).toList();
    }

    @Override
    public String toString() {
        return "Keyring[current=" + current.id() + ", readable=" + Arrays.toString(ids().toArray()) + "]";
    }
}
