/**
 * The thin runner: reads configuration, wires every module with Dagger, and offers the verbs
 * of {@code eventa-server.jar}: {@code serve} and the operator's command line beside it
 * ({@link eu.heapzilla.eventa.server.EventaCommand}). It also chooses the log format and passes
 * every log line through {@link eu.heapzilla.eventa.server.SecretRedaction}. It holds no
 * business logic; only this package knows every other module.
 */
package eu.heapzilla.eventa.server;
