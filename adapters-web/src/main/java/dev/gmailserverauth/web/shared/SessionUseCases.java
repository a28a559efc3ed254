package dev.gmailserverauth.web.shared;

import dev.gmailserverauth.application.ListAccounts;
import dev.gmailserverauth.application.EndSession;
import dev.gmailserverauth.application.ResolveSession;
import dev.gmailserverauth.application.StartSession;
import java.util.Objects;

/** What every page needs to know who is asking: the session cookie's use cases, and the signed-in person's accounts for the page header's switcher. */
public record SessionUseCases(StartSession start, ResolveSession resolve, EndSession end, ListAccounts accounts) {
    public SessionUseCases {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(resolve, "resolve");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(accounts, "accounts");
    }
}
