package eu.heapzilla.eventa.server;

import eu.heapzilla.eventa.adapters.postgres.DatabaseBackup;

/** One line about a backup for the operator. */
final class BackupSummaries {

    private BackupSummaries() {
    }

    static String describe(DatabaseBackup.Summary summary) {
        long rows = summary.rows().values().stream().mapToLong(Long::longValue).sum();
        return rows + " rows in " + summary.rows().size() + " tables (" + summary.format() + ", schema version "
                + summary.schemaVersion() + ", " + summary.bytes() + " bytes)";
    }
}
