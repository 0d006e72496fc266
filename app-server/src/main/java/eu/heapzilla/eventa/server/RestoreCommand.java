package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.adapters.postgres.DatabaseBackup;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Load a backup written by the backup verb into an empty database (a new EVENTA_DATA_DIR, or an",
            "empty EVENTA_DATABASE_URL database), then bring its schema up to date. A database that holds any",
            "eventa data is refused and left as it is; so is a damaged file."})
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    private EventaCommand parent;

    @Parameters(paramLabel = "FILE", description = "the backup file")
    private Path file;

    @Override
    public Integer call() {
        try (Toolbox toolbox = Toolbox.open(parent)) {
            DatabaseBackup.Summary summary = new DatabaseBackup(toolbox.databaseSettings()).restore(file);
            int migrated = toolbox.migrate();
            parent.out().println("restored " + BackupSummaries.describe(summary) + " from " + file
                    + (migrated == 0 ? "" : "; then applied " + migrated + " newer migration(s)"));
        }
        return Main.OK;
    }
}
