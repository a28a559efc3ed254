package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.application.sync.DescribeSync;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.SyncState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sync status}: how each mailbox's background sync stands, from the database only (Google is never called). */
final class SyncCommands {
    private SyncCommands() {
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = {
            "Each synced mailbox: its state, the history checkpoint and how old it is, when its push watch expires, the",
            "last notification, the lag of the last sync, the gaps filled and the repairs. Reads the database only."})
    static final class Status implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;
        @Option(names = "--user", paramLabel = "EMAIL", description = "only this person's mailbox")
        Optional<String> user;

        Status(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            DescribeSync describe = new DescribeSync(context.persistence().syncStates());
            DescribeSync.Whose whose = user.<DescribeSync.Whose>map(email -> new DescribeSync.Whose.Address(address(email)))
                    .orElseGet(DescribeSync.Whose.Everyone::new);
            List<SyncState> states = describe.describe(whose);
            PrintWriter out = spec.commandLine().getOut();
            if (states.isEmpty()) {
                if (user.isPresent()) throw new CommandFailure("no sync for " + TextTable.printable(user.get()) + " (see sync status)");
                out.println("no mailbox is synced");
                out.flush();
                return CommandLineApp.OK;
            }
            Instant now = context.clock().instant();
            TextTable table = new TextTable("EMAIL", "STATE", "CHECKPOINT", "SYNCED", "AGE", "WATCH EXPIRES", "LAST NOTIFICATION", "LAG", "GAPS",
                    "REPAIRS");
            for (SyncState state : states) {
                table.row(state.email().value(), state.status() + (state.progress().backfill().isPresent() ? " (backfilling)" : ""),
                        state.checkpoint().toString(), state.lastSynced().map(UsersCommands::time).orElse("-"),
                        state.lastSynced().map(at -> seconds(Duration.between(at, now))).orElse("-"),
                        state.watchExpiration().map(UsersCommands::time).orElse("-"), state.lastNotification().map(UsersCommands::time).orElse("-"),
                        state.lag().map(SyncCommands::seconds).orElse("-"), String.valueOf(state.gapsFilled()), String.valueOf(state.repairs()));
            }
            table.print(out);
            return CommandLineApp.OK;
        }

        private EmailAddress address(String email) {
            try {
                return new EmailAddress(email.strip());
            } catch (IllegalArgumentException e) {
                throw new CommandFailure("--user must be an email address: " + e.getMessage());
            }
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() < 10_000 ? duration.toMillis() + "ms" : duration.toSeconds() + "s";
    }
}
