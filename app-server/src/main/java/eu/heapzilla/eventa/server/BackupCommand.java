package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.adapters.postgres.DatabaseBackup;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a consistent backup of the whole database (every table, receipts included) to one file,",
            "while the server keeps running: pg_dump's custom format when a pg_dump as recent as the server is on",
            "the PATH, eventa's built-in format otherwise. Restore it with the restore verb."})
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    private EventaCommand parent;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the backup (replaced once complete)")
    private Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, built-in or pg-dump (default: ${DEFAULT-VALUE})", converter = CliValues.BackupMethods.class)
    private DatabaseBackup.Method method;

    @Override
    public Integer call() {
        try (Toolbox toolbox = Toolbox.open(parent)) {
            DatabaseBackup.Summary summary = new DatabaseBackup(toolbox.databaseSettings(), method).backup(out);
            parent.out().println("backed up " + BackupSummaries.describe(summary) + " to " + out);
        }
        return Main.OK;
    }
}
