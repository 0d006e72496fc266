package eu.heapzilla.eventa.domain.error;

import java.util.Map;

/** A rule said no. Subclasses name the kind of refusal; the message is safe to show a user. */
public abstract class DomainException extends RuntimeException {

    private final String errorCode;
    private final Map<String, Object> info;

    protected DomainException(String errorCode, String detail, Map<String, Object> info) {
        super(detail, null, false, false);
        this.errorCode = errorCode;
        this.info = Map.copyOf(info);
    }

    /** Lower snake_case identifier a client can switch on, e.g. {@code validation_error}. */
    public String errorCode() {
        return errorCode;
    }

    /** Human-readable explanation, free of secrets. */
    public String detail() {
        return getMessage();
    }

    /** Machine-readable details, e.g. the offending field. */
    public Map<String, Object> info() {
        return info;
    }
}
