package eu.heapzilla.eventa.server;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Bring the database schema up to date, then exit. The server does this itself at start-up.")
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    private EventaCommand parent;

    @Override
    public Integer call() {
        try (Toolbox toolbox = Toolbox.open(parent)) {
            int applied = toolbox.migrate();
            parent.out().println(applied == 0 ? "the schema was up to date" : "applied " + applied + " migration(s)");
        }
        return Main.OK;
    }
}
