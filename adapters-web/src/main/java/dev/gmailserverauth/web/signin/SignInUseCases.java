package dev.gmailserverauth.web.signin;

import dev.gmailserverauth.application.BeginAuthorization;
import dev.gmailserverauth.application.CompleteAuthorization;
import dev.gmailserverauth.domain.model.WorkspaceDomain;
import java.util.Objects;
import java.util.Optional;

/**
 * What signing in calls: starting Google's consent and completing its callback; with {@code workspace}, the people of
 * that Workspace domain may also sign in with Google sign-in only and read their mailbox through delegation.
 */
public record SignInUseCases(BeginAuthorization begin, CompleteAuthorization complete, Optional<WorkspaceDomain> workspace) {
    public SignInUseCases {
        Objects.requireNonNull(begin, "begin");
        Objects.requireNonNull(complete, "complete");
        Objects.requireNonNull(workspace, "workspace");
    }

    /** Consent sign-in only. */
    public SignInUseCases(BeginAuthorization begin, CompleteAuthorization complete) {
        this(begin, complete, Optional.empty());
    }
}
