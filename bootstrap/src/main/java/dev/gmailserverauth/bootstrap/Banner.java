package dev.gmailserverauth.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the person who started the app where it is and in which mode. */
final class Banner {
    private static final Logger LOG = LoggerFactory.getLogger(Banner.class);

    private Banner() {
    }

    static void print(GmailServerAuth app, AppConfig config) {
        if (app.sandbox().isPresent()) {
            LOG.info("""

                    ================================================================
                     gmail-server-auth is running in SANDBOX MODE
                     No Google client secrets configured (GMAIL_CLIENT_SECRETS),
                     so a local stand-in for Google runs at {}
                     with demo accounts; no Google account or network is needed.

                     Open {} and sign in as a demo account.
                     Send it new mail at {}/__sandbox/mail and watch it arrive.
                    ================================================================""",
                    app.sandbox().get().baseUrl(), app.baseUrl(), app.sandbox().get().baseUrl());
        } else {
            LOG.info("gmail-server-auth is running at {} against Google (client secrets from {})",
                    app.baseUrl(), config.clientSecrets().orElseThrow());
        }
    }
}
