package eu.heapzilla.eventa.server;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the server (the default verb): migrate the database, then serve HTTP until stopped.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private EventaCommand parent;

    @Override
    public Integer call() {
        return serve(parent);
    }

    int serve(EventaCommand command) {
        Config config = command.config();
        Logging.configure(config.logFormat(), Logging.Target.STDOUT);
        try {
            Server server = new Server(config);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "eventa-shutdown"));
            server.start();
            command.startedServing();
            return Main.OK;
        } catch (RuntimeException e) {
            Logging.failure("eventa could not serve", e);
            return Main.FAILED;
        }
    }
}
