package dev.gmailserverauth.bootstrap;

/** The jar's entry point: the command line ({@link CommandLineApp}), whose default command runs the server. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--cds-training")) {
            CdsTraining.run();
            System.exit(0);
        }
        System.exit(CommandLineApp.run(args, System.getenv()));
    }
}
