package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.application.EnrolMailboxes;
import dev.gmailserverauth.application.Enrolment;
import dev.gmailserverauth.application.MailboxGrant;
import dev.gmailserverauth.domain.model.DirectoryUser;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.EnrolledMailbox;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mailboxes enrol|list|remove}: the Workspace domain's mailboxes read through domain-wide delegation, with no
 * consent by their owners; and, for {@code mail list --user}, the grant of an enrolled mailbox.
 */
final class MailboxesCommands {
    private MailboxesCommands() {
    }

    static void register(CommandLine root, CommandContext context) {
        root.addSubcommand("mailboxes", new CommandLine(new Group())
                .addSubcommand("enrol", new Enrol(context))
                .addSubcommand("list", new ListMailboxes(context))
                .addSubcommand("remove", new Remove(context)));
    }

    @Command(name = "mailboxes", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
            description = "The Workspace domain's mailboxes read through domain-wide delegation (no consent by their owners).")
    static final class Group extends CommandLineApp.Group.NamesItsCommands {
    }

    /** Exactly one of --all, --group, --user. */
    static final class Selection {
        @Option(names = "--all", required = true, description = "every user of the domain (suspended and archived users are skipped)")
        boolean all;
        @Option(names = "--group", required = true, paramLabel = "GROUP", description = "the members of a Google Group of the domain, nested groups' members included")
        String group;
        @Option(names = "--user", required = true, paramLabel = "EMAIL", description = "one user of the domain")
        String user;
    }

    @Command(name = "enrol", mixinStandardHelpOptions = true, description = {
            "Enrols mailboxes of the Workspace domain, as its directory (Admin SDK) lists them to GOOGLE_WORKSPACE_ADMIN.",
            "Suspended and archived users, and users without a mailbox, are skipped and reported."})
    static final class Enrol implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Selection selection;

        Enrol(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            EnrolMailboxes.Selection chosen = selection.all ? EnrolMailboxes.Selection.all()
                    : selection.group != null ? EnrolMailboxes.Selection.group(email(selection.group))
                    : EnrolMailboxes.Selection.user(email(selection.user));
            Enrolment enrolment = context.delegation().enrol(context.syncJobs()).enrol(chosen);
            PrintWriter out = spec.commandLine().getOut();
            int code = enrolment.fold(done -> report(out, done, selection.user != null), refused -> {
                throw new CommandFailure(refused.explanation());
            });
            out.flush();
            return code;
        }

        /** Exit code 1 when the one user asked for is not of the domain; a group's outside members are only reported. */
        private static int report(PrintWriter out, Enrolment.Done done, boolean oneUser) {
            done.enrolled().forEach(m -> out.println("enrolled  " + m.email().value()));
            done.alreadyEnrolled().forEach(m -> out.println("already   " + m.email().value()));
            for (DirectoryUser user : done.skipped()) {
                out.println("skipped   " + user.email().value() + " (" + user.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
            }
            done.notInDirectory().forEach(e -> out.println("unknown   " + TextTable.printable(e.value()) + " (not a user of the domain)"));
            out.println(done.enrolled().size() + " enrolled, " + done.alreadyEnrolled().size() + " already enrolled, " + done.skipped().size()
                    + " skipped" + (done.notInDirectory().isEmpty() ? "" : ", " + done.notInDirectory().size() + " unknown"));
            return done.notInDirectory().isEmpty() || !oneUser ? CommandLineApp.OK : 1;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The enrolled mailboxes: user id, email, enrolled, token until. Never a token.")
    static final class ListMailboxes implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;

        ListMailboxes(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<EnrolledMailbox> mailboxes = context.delegation().list().list();
            PrintWriter out = spec.commandLine().getOut();
            if (mailboxes.isEmpty()) {
                out.println("no enrolled mailboxes (mailboxes enrol --all)");
            } else {
                TextTable table = new TextTable("USER ID", "EMAIL", "ENROLLED", "TOKEN UNTIL");
                mailboxes.forEach(m -> table.row(m.user().value(), m.email().value(), UsersCommands.time(m.enrolledAt()),
                        m.accessToken().map(t -> UsersCommands.time(t.expiresAt())).orElse("-")));
                table.print(out);
            }
            out.flush();
            return CommandLineApp.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stops reading a mailbox: its sync ends (synced mail deleted), it and its token are forgotten.")
    static final class Remove implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;
        @Option(names = "--user", required = true, paramLabel = "EMAIL", description = "the enrolled mailbox")
        String user;

        Remove(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (!context.delegation().remove(context.endSync()).remove(email(user))) throw new CommandFailure(TextTable.printable(user) + " is not enrolled");
            spec.commandLine().getOut().println("removed " + user.toLowerCase(Locale.ROOT));
            spec.commandLine().getOut().flush();
            return CommandLineApp.OK;
        }
    }

    /**
     * The grant of an enrolled mailbox for the mail commands; empty when delegation is off or the mailbox is not
     * enrolled. A refusal (not delegated, unknown user, wrong mailbox, ...) fails the command with what to do.
     */
    static Optional<MailboxGrant> enrolledGrant(CommandContext context, String who) {
        if (!who.contains("@") || (!context.config().sandboxMode() && !context.config().delegation().configured())) return Optional.empty();
        if (context.persistence().enrolledMailboxes().findByEmail(email(who)).isEmpty()) return Optional.empty();
        return context.delegation().access().open(email(who)).fold(opened -> Optional.of(opened.grant()), notEnrolled -> Optional.empty(),
                refused -> {
                    throw new CommandFailure(refused.refusal().explanation());
                });
    }

    private static EmailAddress email(String raw) {
        try {
            return new EmailAddress(raw.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("not an email address: " + TextTable.printable(raw));
        }
    }
}
