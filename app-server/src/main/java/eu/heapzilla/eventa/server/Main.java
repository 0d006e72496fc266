package eu.heapzilla.eventa.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** {@code java -jar eventa-server.jar [VERB]}: see {@link EventaCommand} for the verbs. */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        EventaCommand command = new EventaCommand(System.out, System.err);
        int status = command.execute(args);
        if (!(status == OK && command.serving())) {
            System.exit(status);
        }
    }

    /** Runs one verb and returns its exit status; {@code serve} returns once the server is up. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return new EventaCommand(out, err).execute(args);
    }

    /** The same, in the environment {@code environment} (for tests: this JVM's own cannot be changed). */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment, Path workingDirectory) {
        return new EventaCommand(out, err, environment, workingDirectory).execute(args);
    }
}
