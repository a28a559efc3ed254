package dev.gmailserverauth.domain.event;

import java.util.Arrays;
import java.util.Optional;

/** What an {@link AccountEvent} says happened, with its dotted name on the wire ({@code message.received}). */
public enum EventType {
    MESSAGE_RECEIVED("message.received"),
    MESSAGE_DELETED("message.deleted"),
    MESSAGE_LABELS_CHANGED("message.labels_changed"),
    SYNC_GAP_FILLED("sync.gap_filled"),
    ACCOUNT_CONNECTED("account.connected"),
    ACCOUNT_REAUTHORIZATION_REQUIRED("account.reauthorization_required"),
    ACCOUNT_ACCESS_ENDING("account.access_ending"),
    ACCOUNT_DISCONNECTED("account.disconnected");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name receivers see in the payload's {@code type}. */
    public String wireName() {
        return wireName;
    }

    /** The type with this dotted name, if there is one. */
    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
