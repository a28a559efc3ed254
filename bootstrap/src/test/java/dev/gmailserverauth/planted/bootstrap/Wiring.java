package dev.gmailserverauth.planted.bootstrap;

import dev.gmailserverauth.planted.google.GoogleThing;

/** The planted composition root; with DatabaseThing it closes a cycle google → persistence → bootstrap → google. */
public class Wiring {
    /** A method, not a constant: javac inlines constants, which would hide the dependency from the bytecode. */
    public static String name() {
        return "wiring";
    }

    public GoogleThing google() {
        return new GoogleThing();
    }
}
