package dev.gmailserverauth.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An authorization this server started and has not seen come back yet. Used once: the callback
 * takes it out of the store, so a replayed state finds nothing. It is bound to the browser that
 * started it: the callback must come from a browser holding the nonce behind {@code browser}. One started
 * by "Add another Google account" records the person it links to ({@code linkTo}): the callback must come
 * from that person's session, and the account that comes back is linked to them. One started by "Sign in with your
 * Workspace account" records the domain ({@code workspace}): its callback must come back with an enrolled account of
 * that domain, and stores no credential; a callback cannot turn one kind into the other.
 */
public record PendingAuthorization(
        AuthorizationState state,
        PkceVerifier verifier,
        RedirectUri redirectUri,
        Optional<EmailAddress> loginHint,
        BrowserBinding browser,
        Instant createdAt,
        Optional<PersonId> linkTo,
        Optional<WorkspaceDomain> workspace) {

    /** How long the user has to come back from the consent screen. */
    public static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

    public PendingAuthorization {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(loginHint, "loginHint");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(linkTo, "linkTo");
        Objects.requireNonNull(workspace, "workspace");
        if (linkTo.isPresent() && workspace.isPresent()) throw new IllegalArgumentException("a Workspace sign-in links no account");
    }

    /** A sign-in through consent, or a link. */
    public PendingAuthorization(AuthorizationState state, PkceVerifier verifier, RedirectUri redirectUri, Optional<EmailAddress> loginHint,
            BrowserBinding browser, Instant createdAt, Optional<PersonId> linkTo) {
        this(state, verifier, redirectUri, loginHint, browser, createdAt, linkTo, Optional.empty());
    }

    /** A sign-in (not a link). */
    public PendingAuthorization(AuthorizationState state, PkceVerifier verifier, RedirectUri redirectUri, Optional<EmailAddress> loginHint,
            BrowserBinding browser, Instant createdAt) {
        this(state, verifier, redirectUri, loginHint, browser, createdAt, Optional.empty(), Optional.empty());
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(createdAt.plus(TIME_TO_LIVE));
    }
}
