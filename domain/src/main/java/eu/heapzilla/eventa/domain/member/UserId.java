package eu.heapzilla.eventa.domain.member;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import java.util.Objects;
import java.util.UUID;

/** Identity of a {@link User}; a UUID, written on the wire as its canonical string. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    /** Parses the canonical 36-character form; anything else is an {@link InvalidValue}. */
    public static UserId parse(String field, String text) {
        if (text == null || text.length() != 36) {
            throw new InvalidValue(field, field + " must be a UUID");
        }
        try {
            UUID uuid = UUID.fromString(text);
            if (!uuid.toString().equalsIgnoreCase(text)) {
                throw new InvalidValue(field, field + " must be a UUID");
            }
            return new UserId(uuid);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(field, field + " must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
