package dev.gmailserverauth.planted.application;

/** Planted violation: a use case that builds its collaborator instead of receiving it from the composition root. */
public final class UseCaseThatBuildsAUseCase {
    private final Collaborator collaborator = new Collaborator();

    public String run() {
        return collaborator.toString();
    }

    /** Another use case of the application layer. */
    public static final class Collaborator {
    }
}
