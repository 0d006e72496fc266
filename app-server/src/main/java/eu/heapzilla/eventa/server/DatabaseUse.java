package eu.heapzilla.eventa.server;

/** Whether this process serves, or runs a command-line verb beside a server that may be running. */
enum DatabaseUse {
    /** The embedded database is this process's alone; a second server on the same data directory is refused. */
    SERVE,
    /** A verb uses the embedded database a running server has open, or starts it for itself when none runs. */
    TOOL
}
