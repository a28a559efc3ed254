package dev.gmailserverauth.bootstrap;

import picocli.CommandLine;

/** {@code mail list}, {@code mail show} and {@code mail export}: reading Gmail with a stored credential, no browser. */
final class MailCommands {
    private MailCommands() {
    }

    static void register(CommandLine root, CommandContext context) {
        // the mail commands arrive with the application's one-grant-per-request use cases
    }
}
