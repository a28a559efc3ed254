package dev.gmailserverauth.domain.model;

import java.util.Objects;

/** A Gmail label, built into Gmail ({@code SYSTEM}) or made by the user ({@code USER}). */
public record Label(LabelId id, String name, Type type) {
    public enum Type { SYSTEM, USER }

    public Label {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("label name is blank");
        Objects.requireNonNull(type, "type");
    }
}
