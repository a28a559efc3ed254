package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.application.Disconnect;
import dev.gmailserverauth.application.SummaryCache;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.persistence.store.StoredAccount;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code users list} and {@code users disconnect}. */
final class UsersCommands {
    private static final String SCOPE_PREFIX = "https://www.googleapis.com/auth/";

    private UsersCommands() {
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {
            "Every person whose credential is stored: user id, email, scopes granted, when they connected, the last token",
            "refresh, when time-limited access ends, and their state. Never a token."})
    static final class ListUsers implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;

        ListUsers(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Instant now = context.clock().instant();
            List<StoredAccount> accounts = context.persistence().accounts(now);
            PrintWriter out = spec.commandLine().getOut();
            if (accounts.isEmpty()) {
                out.println("no stored credentials");
                out.flush();
                return CommandLineApp.OK;
            }
            TextTable table = new TextTable("USER ID", "EMAIL", "SCOPES", "CONNECTED", "LAST REFRESH", "ACCESS ENDS", "STATE");
            for (StoredAccount account : accounts) {
                table.row(account.userId(), account.email(), shortScopes(account.scopes()), time(account.connectedAt()),
                        time(account.lastRefreshAt()), account.accessEndsAt().map(UsersCommands::time).orElse("-"), state(account, now));
            }
            table.print(out);
            return CommandLineApp.OK;
        }
    }

    @Command(name = "disconnect", mixinStandardHelpOptions = true, description = {
            "Disconnects a person as the app's Disconnect button does: stops the mailbox's sync and deletes what it synced,",
            "revokes the grant at Google, deletes the stored credential and ends every session of theirs."})
    static final class DisconnectUser implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "EMAIL|ID", description = "the person's email address or Google user id")
        String who;

        DisconnectUser(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Database persistence = context.persistence();
            StoredAccount account = find(persistence.accounts(context.clock().instant()), who)
                    .orElseThrow(() -> new CommandFailure("no stored credential for " + TextTable.printable(who) + " (see users list)"));
            Disconnect disconnect = new Disconnect(context.google().authorizationProvider(), persistence.credentials(), persistence.sessions(),
                    SummaryCache.disabled(context.clock()), persistence.accountHistory(), context.endSync(), WebhookWiring.recorder(persistence),
                    context.clock());
            disconnect.disconnect(new UserId(account.userId()));
            PrintWriter out = spec.commandLine().getOut();
            out.println("disconnected " + account.email() + " (user " + account.userId() + "): grant revoked at Google, credential deleted, "
                    + account.activeSessions() + " session(s) ended");
            out.flush();
            return CommandLineApp.OK;
        }
    }

    /** The account whose email (any case) or user id is {@code who}. */
    static Optional<StoredAccount> find(List<StoredAccount> accounts, String who) {
        String wanted = who.strip();
        return accounts.stream()
                .filter(a -> a.userId().equals(wanted) || a.email().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String shortScopes(String scopes) {
        return scopes.replace(SCOPE_PREFIX, "").replace(' ', ',');
    }

    private static String state(StoredAccount account, Instant now) {
        if (account.accessEndsAt().filter(end -> !end.isAfter(now)).isPresent()) return "time-limited access ended: must consent again";
        if (!Scopes.parse(account.scopes()).grantsGmailRead()) return "no Gmail scope: must consent again";
        if (account.activeSessions() > 0) return "signed in (" + account.activeSessions() + " session" + (account.activeSessions() == 1 ? ")" : "s)");
        return "offline access";
    }
}
