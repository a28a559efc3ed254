package dev.gmailserverauth.bootstrap;

import ch.qos.logback.classic.Level;
import dev.gmailserverauth.google.GoogleConfigurationException;
import dev.gmailserverauth.persistence.PersistenceConfigurationException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The command line, in the same jar as the server: {@code serve} (the default), {@code users},
 * {@code keys}, {@code db} and {@code mail}. Every command reads the server's environment variables.
 * Exit codes: 0 done, 1 failed, 2 wrong usage or configuration; an error is one line on standard error.
 * Results go to standard output, logs to standard error (only warnings unless {@code --verbose}).
 */
public final class CommandLineApp {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(CommandLineApp.class);

    private CommandLineApp() {
    }

    /**
     * Runs one command line with picocli's standard output and error, logging as the command and APP_LOG_FORMAT say.
     * With no arguments and a readable configuration it runs the server without building the command line's model
     * (see {@link #serve}).
     */
    public static int run(String[] args, Map<String, String> env) {
        try (CommandContext context = new CommandContext(env, Clock.systemUTC())) {
            if (args.length == 0 && readable(context)) return serve(context);
            return build(context, true).execute(args);
        }
    }

    /**
     * The default command, {@code serve}, as picocli would run it, but without picocli: its model of every
     * command (about 170 classes and a reflective walk over each command's annotations) is a tenth of the
     * classes a start loads, for a command line that has nothing to parse. Only with a configuration that
     * reads: a bad one goes through picocli, which reports it as for every command (one line, exit code 2).
     * Any argument, {@code serve} included, goes through picocli as before.
     */
    private static int serve(CommandContext context) {
        LoggingSetup.use(context.config().operations().logFormat(), LoggingSetup.Target.STANDARD_OUTPUT, Level.INFO);
        try {
            return new ServeCommand(context).call();
        } catch (RuntimeException e) {
            LOG.error(oneLine(e));
            return exitCodeOf(e);
        }
    }

    private static boolean readable(CommandContext context) {
        try {
            context.config();
            return true;
        } catch (ConfigurationException e) {
            return false;
        }
    }

    /** Runs one command line, writing to {@code out} and {@code err}, leaving this JVM's logging as it is (for tests). */
    static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        try (CommandContext context = new CommandContext(env, Clock.systemUTC())) {
            CommandLine commandLine = build(context, false);
            commandLine.setOut(out);
            commandLine.setErr(err);
            return commandLine.execute(args);
        }
    }

    static CommandLine build(CommandContext context, boolean configureLogging) {
        Root root = new Root(context);
        CommandLine commandLine = new CommandLine(root)
                .addSubcommand("serve", new ServeCommand(context))
                .addSubcommand("users", new CommandLine(new Group.Users())
                        .addSubcommand("list", new UsersCommands.ListUsers(context))
                        .addSubcommand("disconnect", new UsersCommands.DisconnectUser(context)))
                .addSubcommand("sync", new CommandLine(new Group.Sync()).addSubcommand("status", new SyncCommands.Status(context)))
                .addSubcommand("keys", new CommandLine(new Group.Keys())
                        .addSubcommand("status", new KeysCommands.Status(context))
                        .addSubcommand("rotate", new KeysCommands.Rotate(context))
                        .addSubcommand("generate", new KeysCommands.Generate(context)))
                .addSubcommand("db", new CommandLine(new Group.Db())
                        .addSubcommand("info", new DbCommands.Info(context))
                        .addSubcommand("migrate", new DbCommands.Migrate(context)));
        MailCommands.register(commandLine, context);
        MailboxesCommands.register(commandLine, context);
        WebhooksCommands.register(commandLine, context);
        commandLine.setExecutionStrategy(parseResult -> {
            if (configureLogging) configureLogging(parseResult, root, context);
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage() + " (see " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            e.getCommandLine().getErr().flush();
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println(oneLine(e));
            failed.getErr().flush();
            return exitCodeOf(e);
        });
        return commandLine;
    }

    /** The server logs as configured on standard output; a command logs warnings on standard error, beside its own output. */
    private static void configureLogging(ParseResult parseResult, Root root, CommandContext context) {
        OperationsConfig.LogFormat format;
        try {
            format = context.config().operations().logFormat();
        } catch (ConfigurationException e) {
            return; // the command fails on it with exit code 2
        }
        if (servesOrDefault(parseResult)) {
            LoggingSetup.use(format, LoggingSetup.Target.STANDARD_OUTPUT, Level.INFO);
        } else {
            LoggingSetup.use(format, LoggingSetup.Target.STANDARD_ERROR, root.verbose ? Level.INFO : Level.WARN);
        }
    }

    private static boolean servesOrDefault(ParseResult parseResult) {
        return !parseResult.hasSubcommand() || parseResult.subcommand().commandSpec().name().equals("serve");
    }

    static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s*\\R\\s*", " ");
        return (e instanceof ConfigurationException ? "invalid configuration: " : "error: ") + message;
    }

    static int exitCodeOf(Exception e) {
        boolean configuration = e instanceof ConfigurationException || e instanceof PersistenceConfigurationException
                || e instanceof GoogleConfigurationException || e instanceof IllegalArgumentException;
        return configuration ? USAGE : FAILED;
    }

    @Command(name = "gmail-server-auth", mixinStandardHelpOptions = true, version = "gmail-server-auth 0.1.0",
            description = {"Google's server-side authorization for the Gmail API: the server and its operations.",
                    "Every command reads the server's environment variables (APP_DATABASE_URL, APP_ENCRYPTION_KEY, GMAIL_CLIENT_SECRETS, ...).",
                    "With no command, runs the server (serve)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:done", "1:failed (one line on standard error says why)", "2:wrong usage or configuration"})
    static final class Root implements Callable<Integer> {
        private final CommandContext context;

        @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT, description = "log information, not only warnings, on standard error")
        boolean verbose;

        Root(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return new ServeCommand(context).call();
        }
    }

    /** The command groups: each only names its commands when called without one. */
    static final class Group {
        private Group() {
        }

        /** A group called without a command: a usage error naming the commands it has. */
        abstract static class NamesItsCommands implements Callable<Integer> {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                List<String> names = List.copyOf(spec.subcommands().keySet());
                String listed = names.size() == 1 ? names.get(0)
                        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
                throw new CommandLine.ParameterException(spec.commandLine(), "name a command: " + listed);
            }
        }

        @Command(name = "users", mixinStandardHelpOptions = true, description = "The people whose credentials are stored.", synopsisSubcommandLabel = "COMMAND")
        static final class Users extends NamesItsCommands {
        }

        @Command(name = "sync", mixinStandardHelpOptions = true, description = "The background sync of the connected mailboxes.",
                synopsisSubcommandLabel = "COMMAND")
        static final class Sync extends NamesItsCommands {
        }

        @Command(name = "keys", mixinStandardHelpOptions = true, description = "The encryption keys of the tokens at rest.", synopsisSubcommandLabel = "COMMAND")
        static final class Keys extends NamesItsCommands {
        }

        @Command(name = "db", mixinStandardHelpOptions = true, description = "The database schema (Flyway).", synopsisSubcommandLabel = "COMMAND")
        static final class Db extends NamesItsCommands {
        }
    }
}
