package dev.gmailserverauth.planted.persistence;

import dev.gmailserverauth.planted.bootstrap.Wiring;

/** Planted violation: an adapter depending on the composition root (and so a cycle through it). */
public class DatabaseThing {
    public String load() {
        return Wiring.name();
    }
}
