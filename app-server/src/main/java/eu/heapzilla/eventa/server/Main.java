package eu.heapzilla.eventa.server;

import java.io.PrintStream;

/** {@code java -jar eventa-server.jar [serve|migrate|help]}. */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            Usage: java -jar eventa-server.jar [VERB]

            Verbs:
              serve     run the server (default): migrate the database, then serve HTTP
              migrate   bring the database schema up to date, then exit
              help      show this text

            Configuration comes from environment variables and an optional .env file in the
            working directory (see .env.example). Without EVENTA_DATABASE_URL an embedded
            PostgreSQL keeps its data in $EVENTA_DATA_DIR/postgres (default ./eventa-data).
            """;

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        boolean serving = status == OK && (args.length == 0 || args[0].equals("serve"));
        if (!serving) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String verb = args.length == 0 ? "serve" : args[0];
        if (args.length > 1) {
            err.println("eventa: unexpected arguments after '" + verb + "'");
            err.print(USAGE_TEXT);
            return USAGE;
        }
        switch (verb) {
            case "help", "--help", "-h" -> {
                out.print(USAGE_TEXT);
                return OK;
            }
            case "serve", "migrate" -> {
                return runVerb(verb, err);
            }
            default -> {
                err.println("eventa: unknown verb '" + verb + "'");
                err.print(USAGE_TEXT);
                return USAGE;
            }
        }
    }

    private static int runVerb(String verb, PrintStream err) {
        Config config;
        try {
            config = Config.load();
        } catch (ConfigException e) {
            err.println("eventa: configuration error: " + e.getMessage());
            return USAGE;
        }
        Logging.configure(config.logFormat());
        try {
            Server server = new Server(config);
            if (verb.equals("migrate")) {
                server.migrate();
            } else {
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "eventa-shutdown"));
                server.start();
            }
            return OK;
        } catch (RuntimeException e) {
            Logging.failure("eventa could not " + verb, e);
            return FAILED;
        }
    }
}
