package eu.heapzilla.eventa.domain.error;

import java.util.Map;

/** A value broke a validation rule; {@link #field()} names it as it appears on the wire. */
public final class InvalidValue extends DomainException {

    private final String field;

    public InvalidValue(String field, String detail) {
        super("validation_error", detail, Map.of("field", field));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
