package dev.gmailserverauth.planted.application;

import dev.gmailserverauth.planted.google.GoogleThing;

/** Planted violation: a use case that reaches into an adapter. */
public class UseCaseThatKnowsGoogle {
    public String run() {
        return new GoogleThing().call();
    }
}
