package dev.gmailserverauth.planted.web;

import dev.gmailserverauth.planted.persistence.DatabaseThing;

/** Planted violation: a route that skips the use cases and reads the database. */
public class RouteThatReadsTheDatabase {
    public String handle() {
        return new DatabaseThing().load();
    }
}
