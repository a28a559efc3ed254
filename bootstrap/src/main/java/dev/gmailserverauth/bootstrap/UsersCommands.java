package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.application.Disconnect;
import dev.gmailserverauth.application.SummaryCache;
import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.domain.model.PersonId;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code users list} and {@code users disconnect}. */
final class UsersCommands {
    private static final String SCOPE_PREFIX = "https://www.googleapis.com/auth/";

    private UsersCommands() {
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {
            "Every person and their linked Google accounts: person id, user id, email, scopes granted, when they connected,",
            "the last token refresh, when time-limited access ends, and the account's state. Never a token."})
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
            List<LinkedAccount> links = context.persistence().linkedAccounts().all();
            PrintWriter out = spec.commandLine().getOut();
            if (accounts.isEmpty() && links.isEmpty()) {
                out.println("no stored credentials");
                out.flush();
                return CommandLineApp.OK;
            }
            TextTable table = new TextTable("PERSON", "USER ID", "EMAIL", "SCOPES", "CONNECTED", "LAST REFRESH", "ACCESS ENDS", "STATE");
            for (LinkedAccount link : links) {
                Optional<StoredAccount> stored = accounts.stream().filter(a -> a.userId().equals(link.account().value())).findFirst();
                if (stored.isPresent()) {
                    StoredAccount account = stored.get();
                    table.row(link.person().value(), account.userId(), account.email(), shortScopes(account.scopes()), time(account.connectedAt()),
                            time(account.lastRefreshAt()), account.accessEndsAt().map(UsersCommands::time).orElse("-"), state(account, now));
                } else {
                    table.row(link.person().value(), link.account().value(), link.email().value(), "-", time(link.linkedAt()), "-", "-",
                            "no credential: needs reconnecting");
                }
            }
            for (StoredAccount account : accounts) {
                if (links.stream().noneMatch(l -> l.account().value().equals(account.userId()))) {
                    table.row("-", account.userId(), account.email(), shortScopes(account.scopes()), time(account.connectedAt()),
                            time(account.lastRefreshAt()), account.accessEndsAt().map(UsersCommands::time).orElse("-"), state(account, now));
                }
            }
            table.print(out);
            return CommandLineApp.OK;
        }
    }

    @Command(name = "disconnect", mixinStandardHelpOptions = true, description = {
            "Disconnects one Google account as the app's Disconnect button does: stops the mailbox's sync and deletes what it",
            "synced, revokes its grant at Google and deletes its stored credential; the person's other accounts stay, and",
            "disconnecting their last one ends every session of theirs. With --person, disconnects every account of that person."})
    static final class DisconnectUser implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "EMAIL|ID", arity = "0..1", description = "the Google account's email address or user id")
        Optional<String> who = Optional.empty();
        @Option(names = "--person", paramLabel = "ID", description = "the person id (see users list): disconnect all of their accounts")
        Optional<String> person = Optional.empty();

        DisconnectUser(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (who.isPresent() == person.isPresent()) throw new CommandFailure("name one Google account (EMAIL|ID) or --person ID");
            Database persistence = context.persistence();
            List<StoredAccount> stored = persistence.accounts(context.clock().instant());
            List<UserId> targets = person.isPresent() ? accountsOfPerson(persistence, person.get()) : List.of(account(persistence, stored, who.get()));
            Disconnect disconnect = new Disconnect(context.google().authorizationProvider(), persistence.credentials(), persistence.sessions(),
                    persistence.linkedAccounts(), SummaryCache.disabled(context.clock()), persistence.accountHistory(), context.endSync(),
                    WebhookWiring.recorder(persistence), context.clock());
            PrintWriter out = spec.commandLine().getOut();
            for (UserId target : targets) {
                Optional<LinkedAccount> link = persistence.linkedAccounts().find(target);
                String email = link.map(l -> l.email().value())
                        .or(() -> stored.stream().filter(a -> a.userId().equals(target.value())).map(StoredAccount::email).findFirst()).orElse("?");
                Disconnect.Result result = disconnect.disconnect(target);
                boolean lastOne = link.map(l -> persistence.linkedAccounts().accountsOf(l.person()).isEmpty()).orElse(true);
                out.println("disconnected " + email + " (user " + target.value() + "): "
                        + (result == Disconnect.Result.DISCONNECTED ? "grant revoked at Google, credential deleted" : "no credential was stored")
                        + (lastOne ? ", every session of the person ended" : ", the person's other accounts stay"));
            }
            out.flush();
            return CommandLineApp.OK;
        }

        private static List<UserId> accountsOfPerson(Database persistence, String id) {
            PersonId wanted;
            try {
                wanted = new PersonId(id.strip());
            } catch (IllegalArgumentException e) {
                throw new CommandFailure("not a person id: " + TextTable.printable(id));
            }
            List<UserId> accounts = persistence.linkedAccounts().accountsOf(wanted).stream().map(LinkedAccount::account).toList();
            if (accounts.isEmpty()) throw new CommandFailure("no person " + TextTable.printable(id) + " (see users list)");
            return accounts;
        }

        private static UserId account(Database persistence, List<StoredAccount> stored, String who) {
            String wanted = who.strip();
            return persistence.linkedAccounts().all().stream().filter(l -> l.isNamedBy(wanted)).map(LinkedAccount::account).findFirst()
                    .or(() -> find(stored, wanted).map(a -> new UserId(a.userId())))
                    .orElseThrow(() -> new CommandFailure("no stored credential for " + TextTable.printable(who) + " (see users list)"));
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
