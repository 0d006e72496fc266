package eu.heapzilla.eventa.adapters.postgres;

/**
 * A backup or restore that could not be done, with a message for the person who asked: a file
 * that is no eventa backup or is damaged, a backup newer than this build, a database that is
 * not empty, a failing {@code pg_dump}. A restore that throws it has not loaded any data.
 */
public final class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
