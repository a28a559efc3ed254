package dev.gmailserverauth.web.signin;

import dev.gmailserverauth.application.BeginAuthorization;
import dev.gmailserverauth.application.CompleteAuthorization;
import java.util.Objects;

/** What signing in calls: starting Google's consent and completing its callback. */
public record SignInUseCases(BeginAuthorization begin, CompleteAuthorization complete) {
    public SignInUseCases {
        Objects.requireNonNull(begin, "begin");
        Objects.requireNonNull(complete, "complete");
    }
}
