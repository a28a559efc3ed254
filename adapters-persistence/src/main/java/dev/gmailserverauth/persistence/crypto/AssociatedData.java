package dev.gmailserverauth.persistence.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a ciphertext is bound to: the column it belongs to and the row's owner (the user id, or the state
 * of a pending authorization). A value copied to another row or column fails to decrypt.
 */
public record AssociatedData(String field, String owner) {
    public AssociatedData {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(owner, "owner");
    }

    byte[] bytes() {
        return (field + '\0' + owner).getBytes(StandardCharsets.UTF_8);
    }

    /** For error messages: names the value without showing it. */
    public String describe() {
        return field + " of " + owner;
    }
}
