package dev.gmailserverauth.bootstrap;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One command line run in this JVM, as {@code java -jar gmail-server-auth.jar ARGS} would with these variables. */
public record CommandRun(int exitCode, String out, String err) {

    public static CommandRun of(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = CommandLineApp.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandRun(exitCode, out.toString(), err.toString());
    }

    /** Standard output and error together, for assertions that nothing secret appears anywhere. */
    String all() {
        return out + err;
    }
}
