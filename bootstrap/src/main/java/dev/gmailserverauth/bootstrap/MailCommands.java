package dev.gmailserverauth.bootstrap;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.gmailserverauth.application.AccessOutcome;
import dev.gmailserverauth.application.ListAllMessages;
import dev.gmailserverauth.application.ListMessages;
import dev.gmailserverauth.application.MailOutcome;
import dev.gmailserverauth.application.MailboxGrant;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.UserId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mail list}, {@code mail show} and {@code mail export}: reading a person's Gmail with their stored
 * credential and no browser, refreshing the access token as needed: the server-side access Google's
 * guide is about. Each command resolves the person's grant once and hands it to the application's use
 * cases, as a web request does.
 */
final class MailCommands {
    private static final int SUBJECT_WIDTH = 60;

    private MailCommands() {
    }

    static void register(CommandLine root, CommandContext context) {
        root.addSubcommand("mail", new CommandLine(new Group())
                .addSubcommand("list", new ListMail(context))
                .addSubcommand("show", new ShowMail(context))
                .addSubcommand("export", new ExportMail(context)));
    }

    @Command(name = "mail", mixinStandardHelpOptions = true, description = "Read a person's Gmail with their stored credential, no browser.",
            synopsisSubcommandLabel = "COMMAND")
    static final class Group extends CommandLineApp.Group.NamesItsCommands {
    }

    /** The options every mail command has. */
    static final class Person {
        @Option(names = "--user", required = true, paramLabel = "EMAIL", description = "whose mailbox (the email of a stored credential, or its user id; or an enrolled mailbox of the Workspace domain)")
        String user;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One page of messages, newest first: id, date, sender, subject.")
    static final class ListMail implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;
        @CommandLine.Mixin
        Person person = new Person();
        @Option(names = "--query", paramLabel = "Q", description = "a Gmail search, e.g. \"from:alice is:unread\" (default: every message)")
        String query = "";
        @Option(names = "--max", paramLabel = "N", description = "messages to show, 1 to 500 (default: ${DEFAULT-VALUE})")
        int max = 25;

        ListMail(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ListMessages.Query page = new ListMessages.Query(new SearchQuery(query), Optional.empty(), new PageSize(max));
            MailboxGrant grant = grant(context, person.user);
            ListMessages.Listing listing = success(context, grant, context.mail().listMessages().list(grant, page), "listing the messages");
            Page<MessageSummary> messages = listing.page();
            PrintWriter out = spec.commandLine().getOut();
            TextTable table = new TextTable("ID", "DATE", "FROM", "SUBJECT");
            messages.items().forEach(m -> table.row(m.id().value(), UsersCommands.time(m.date()), m.from(), shorten(m.subject())));
            if (table.isEmpty() && listing.complete()) out.println("no messages" + (query.isBlank() ? "" : " match " + TextTable.printable(query)));
            else table.print(out);
            if (!listing.complete()) {
                out.println("(" + listing.missing().size() + " more message(s) did not arrive within the deadline, Gmail's limits: "
                        + String.join(" ", listing.missing().stream().map(MessageId::value).toList()) + ")");
            }
            if (messages.hasNext()) out.println("(more: raise --max, or mail export for every message)");
            out.flush();
            return CommandLineApp.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One message: its headers, labels and plain-text body.")
    static final class ShowMail implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;
        @CommandLine.Mixin
        Person person = new Person();
        @Parameters(paramLabel = "ID", description = "the message id (from mail list)")
        String id;

        ShowMail(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            MessageId messageId = new MessageId(id);
            MailboxGrant grant = grant(context, person.user);
            Message message = success(context, grant, context.mail().getMessage().get(grant, messageId), "reading message " + id);
            PrintWriter out = spec.commandLine().getOut();
            for (String name : List.of("From", "To", "Cc", "Date", "Subject")) {
                message.header(name).ifPresent(value -> out.println(name + ": " + TextTable.printable(value)));
            }
            out.println("Labels: " + message.labelIds().stream().map(LabelId::value).sorted().collect(Collectors.joining(", ")));
            out.println();
            out.println(message.textBody().map(MailCommands::printableBody)
                    .orElse(message.htmlBody().isPresent() ? "(HTML only; " + TextTable.printable(message.snippet()) + ")" : "(no body)"));
            out.flush();
            return CommandLineApp.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = {
            "Every message of a search, following page tokens (ListAllMessages), written to FILE as JSON lines: one",
            "object per message with id, threadId, date, from, subject, snippet and labels. Paced within the person's",
            "Gmail quota (it waits when the quota is spent). A progress bar on a terminal, plain lines otherwise."})
    static final class ExportMail implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;
        @CommandLine.Mixin
        Person person = new Person();
        @Option(names = "--query", paramLabel = "Q", description = "a Gmail search (default: every message)")
        String query = "";
        @Option(names = "--out", required = true, paramLabel = "FILE.jsonl", description = "where to write; must not exist yet")
        Path file;
        @Option(names = "--max", paramLabel = "N", description = "at most this many messages, up to 10000 (default: ${DEFAULT-VALUE})")
        int max = ListAllMessages.Query.MAX_MESSAGES;

        ExportMail(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ListAllMessages.Query all = new ListAllMessages.Query(new SearchQuery(query), max);
            if (Files.exists(file)) throw new CommandFailure(file + " exists already; name a new file");
            MailboxGrant grant = grant(context, person.user);
            PrintWriter out = spec.commandLine().getOut();
            ExportProgress progress = ExportProgress.to(spec.commandLine().getErr(), System.console() != null, max);
            List<MessageSummary> messages = success(context, grant, context.mail().listAllMessages().listAll(grant, all, progress::listed),
                    "listing the messages");
            write(messages);
            progress.done(messages.size());
            out.println("exported " + messages.size() + " message(s) of " + grant.email().value() + " to " + file);
            out.flush();
            return CommandLineApp.OK;
        }

        private void write(List<MessageSummary> messages) {
            Gson gson = new Gson();
            try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
                for (MessageSummary message : messages) {
                    writer.write(gson.toJson(json(message)));
                    writer.newLine();
                }
            } catch (IOException e) {
                throw new CommandFailure("cannot write " + file + ": " + e.getMessage());
            }
        }

        private static JsonObject json(MessageSummary message) {
            JsonObject json = new JsonObject();
            json.addProperty("id", message.id().value());
            json.addProperty("threadId", message.threadId().value());
            json.addProperty("date", message.date().toString());
            json.addProperty("from", message.from());
            json.addProperty("subject", message.subject());
            json.addProperty("snippet", message.snippet());
            com.google.gson.JsonArray labels = new com.google.gson.JsonArray();
            message.labelIds().stream().map(LabelId::value).sorted().forEach(labels::add);
            json.add("labels", labels);
            return json;
        }
    }

    /** The person's grant, resolved once for the whole command, as once per web request. */
    private static MailboxGrant grant(CommandContext context, String who) {
        var found = UsersCommands.find(context.persistence().accounts(context.clock().instant()), who);
        if (found.isEmpty()) {
            return MailboxesCommands.enrolledGrant(context, who).orElseThrow(() -> new CommandFailure("no stored credential for "
                    + TextTable.printable(who) + " (see users list), nor an enrolled mailbox (mailboxes list)"));
        }
        var account = found.get();
        return context.mail().access().open(new UserId(account.userId())).fold(AccessOutcome.Granted::grant, denied -> {
            throw mustSignIn(context, account.email(), denied.consent());
        });
    }

    private static <T> T success(CommandContext context, MailboxGrant grant, MailOutcome<T> outcome, String what) {
        return outcome.fold(MailOutcome.Success::value,
                again -> {
                    throw mustSignIn(context, grant.email().value(), again.consent());
                },
                notFound -> {
                    throw new CommandFailure(what + ": not found in the mailbox of " + grant.email().value());
                },
                invalid -> {
                    throw new CommandFailure(what + ": Gmail refused it: " + invalid.reason());
                },
                limited -> {
                    throw new CommandFailure(what + ": Gmail's limits for " + grant.email().value() + " are spent; try again in "
                            + Math.max(1, limited.retryAfter().toSeconds()) + " s (at " + UsersCommands.time(limited.retryAt()) + ")");
                });
    }

    private static CommandFailure mustSignIn(CommandContext context, String email, ConsentRequired consent) {
        return new CommandFailure(email + " must sign in again (" + consent.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + "): " + context.signInUrl());
    }

    private static String shorten(String subject) {
        String line = TextTable.printable(subject);
        return line.length() <= SUBJECT_WIDTH ? line : line.substring(0, SUBJECT_WIDTH - 1) + "…";
    }

    /** A body for the terminal: line breaks kept, other control characters (escape sequences) replaced. */
    private static String printableBody(String body) {
        StringBuilder out = new StringBuilder(body.length());
        body.replace("\r\n", "\n").codePoints().forEach(c -> out.appendCodePoint(c == '\n' || c == '\t' || !Character.isISOControl(c) ? c : '?'));
        return out.toString();
    }
}
