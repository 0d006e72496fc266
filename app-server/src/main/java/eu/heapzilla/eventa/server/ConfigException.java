package eu.heapzilla.eventa.server;

/** The configuration is wrong; the message tells the operator what to fix. */
final class ConfigException extends RuntimeException {

    ConfigException(String message) {
        super(message, null, false, false);
    }
}
