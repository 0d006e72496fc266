package eu.heapzilla.eventa.ports.out;

/** A mail could not be delivered. {@link #retryable()} says whether trying again may help. */
public class MailNotSent extends RuntimeException {

    private final boolean retryable;

    public MailNotSent(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
