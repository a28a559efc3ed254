package dev.gmailserverauth.web.account;

import dev.gmailserverauth.web.shared.PageRenderer;
import dev.gmailserverauth.web.shared.Sessions;
import io.javalin.config.RoutesConfig;

/** The person's connection: what is stored and granted, its history, who they are, and disconnecting. */
public final class AccountFeature {
    private AccountFeature() {
    }

    public static void register(RoutesConfig routes, AccountUseCases useCases, Sessions sessions, PageRenderer pages) {
        new ConnectionRoutes(useCases.viewAccount(), useCases.describeUser(), useCases.listAccounts(), sessions, pages).register(routes);
        new AccountRoutes(useCases.disconnect(), sessions).register(routes);
    }
}
