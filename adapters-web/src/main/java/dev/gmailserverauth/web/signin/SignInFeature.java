package dev.gmailserverauth.web.signin;

import dev.gmailserverauth.web.WebConfig;
import dev.gmailserverauth.web.shared.PageRenderer;
import dev.gmailserverauth.web.shared.Sessions;
import io.javalin.config.RoutesConfig;
import java.time.Clock;

/** Signing in through Google's consent screen, and signing out. */
public final class SignInFeature {
    private SignInFeature() {
    }

    public static void register(RoutesConfig routes, SignInUseCases useCases, Sessions sessions, PageRenderer pages, WebConfig config,
            Clock clock) {
        new SignInRoutes(useCases.begin(), useCases.complete(), useCases.workspace(), sessions, new SignInCookie(config),
                new SignInThrottle(config.signInsPerClient(), WebConfig.SIGN_IN_REFILL, clock), pages).register(routes);
    }
}
