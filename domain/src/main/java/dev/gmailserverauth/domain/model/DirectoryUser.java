package dev.gmailserverauth.domain.model;

import java.util.Objects;

/** A user of the Workspace domain as its directory lists them: who, and whether their mailbox can be read. */
public record DirectoryUser(UserId id, EmailAddress email, String name, Status status) {
    /** Only an {@link #ACTIVE} user's mailbox can be opened through delegation. */
    public enum Status { ACTIVE, SUSPENDED, ARCHIVED, NO_MAILBOX }

    public DirectoryUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
