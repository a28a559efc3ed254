package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.application.AccessOutcome;
import dev.gmailserverauth.application.AuthorizedAccess;
import dev.gmailserverauth.application.MailboxGrant;
import dev.gmailserverauth.web.shared.Failure;
import dev.gmailserverauth.web.shared.Sessions;
import io.javalin.http.Context;
import java.util.Objects;

/**
 * The signed-in person's mailbox grant, resolved once per request and shared by every use case the
 * request runs (the list, the sidebar, the page chrome): one credential read, one decryption.
 */
final class Grants {
    private static final String GRANT = "web.grant";

    private final AuthorizedAccess access;
    private final Sessions sessions;

    Grants(AuthorizedAccess access, Sessions sessions) {
        this.access = Objects.requireNonNull(access);
        this.sessions = Objects.requireNonNull(sessions);
    }

    /** The grant, or a {@link Failure} that sends the visitor to sign in or back through consent. */
    MailboxGrant require(Context ctx) {
        MailboxGrant known = ctx.attribute(GRANT);
        if (known != null) return known;
        MailboxGrant grant = access.open(sessions.visitor(ctx).requireUser()).fold(AccessOutcome.Granted::grant, denied -> {
            throw new Failure.ConsentNeeded(denied.consent());
        });
        ctx.attribute(GRANT, grant);
        return grant;
    }
}
