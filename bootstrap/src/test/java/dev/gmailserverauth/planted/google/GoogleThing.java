package dev.gmailserverauth.planted.google;

import dev.gmailserverauth.planted.persistence.DatabaseThing;

/** Planted violation: one adapter using another. */
public class GoogleThing {
    public String call() {
        return new DatabaseThing().load();
    }
}
