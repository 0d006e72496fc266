package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.domain.error.DomainException;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of {@code eventa-server.jar}: {@code serve} (the default) and the operator's
 * verbs beside it. Every verb reads the same configuration as the server; verbs that need the
 * database use the one a running server uses (see {@link DatabaseUse#TOOL}). Exit status: 0 done,
 * 1 failed, 2 usage or configuration error.
 */
@Command(name = "eventa-server.jar", mixinStandardHelpOptions = true, versionProvider = EventaCommand.Version.class,
        description = "eventa: a self-hosted planner for one big event. Without a verb, serves.",
        subcommands = {ServeCommand.class, MigrateCommand.class, BackupCommand.class, RestoreCommand.class,
            ExportEventCommand.class, CreateInviteCommand.class, AddOwnerCommand.class, PurgeCommand.class,
            HealthCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Configuration comes from environment variables and an optional .env file in the working",
            "directory (see .env.example). Without EVENTA_DATABASE_URL an embedded PostgreSQL keeps its data",
            "in $EVENTA_DATA_DIR/postgres (default ./eventa-data); verbs run while the server is up use it too."})
final class EventaCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private boolean serving;

    /** A command line in this process's environment and working directory. */
    EventaCommand(PrintStream out, PrintStream err) {
        this(out, err, System.getenv(), Path.of(""));
    }

    EventaCommand(PrintStream out, PrintStream err, Map<String, String> environment, Path workingDirectory) {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
    }

    int execute(String... args) {
        CommandLine commandLine = new CommandLine(this)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setExitCodeExceptionMapper(EventaCommand::exitCode)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    line.getErr().println("eventa: " + message(e));
                    return exitCode(e);
                });
        commandLine.getCommandSpec().exitCodeOnInvalidInput(Main.USAGE);
        return commandLine.execute(args);
    }

    /** Without a verb: serve. */
    @Override
    public Integer call() {
        return new ServeCommand().serve(this);
    }

    /** The configuration from the environment and the working directory's {@code .env}. */
    Config config() {
        return Config.from(environment, workingDirectory);
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    void startedServing() {
        serving = true;
    }

    /** Whether a server was started and keeps running after {@link #execute} returned. */
    boolean serving() {
        return serving;
    }

    private static int exitCode(Throwable e) {
        return e instanceof ConfigException || e instanceof InvalidValue || e instanceof CommandLine.ParameterException
                ? Main.USAGE : Main.FAILED;
    }

    private static String message(Exception e) {
        if (e instanceof ConfigException) {
            return "configuration error: " + e.getMessage();
        }
        if (e instanceof DomainException domain) {
            return domain.detail();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The jar's version, as Maven packaged it. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = EventaCommand.class.getPackage().getImplementationVersion();
            return new String[] {"eventa " + (version != null ? version : "(development build)")};
        }
    }
}
