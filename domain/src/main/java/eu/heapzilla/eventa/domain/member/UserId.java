package eu.heapzilla.eventa.domain.member;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.text.Ids;
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
        return Ids.canonical(text).map(UserId::new)
                .orElseThrow(() -> new InvalidValue(field, field + " must be a UUID"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
