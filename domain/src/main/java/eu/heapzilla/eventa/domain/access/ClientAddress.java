package eu.heapzilla.eventa.domain.access;

import java.util.Objects;

/** Where a request came from (an IP address as text), as far as the server can tell. */
public record ClientAddress(String value) {

    public static final int MAX_LENGTH = 64;

    public ClientAddress {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a client address has 1 to " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
