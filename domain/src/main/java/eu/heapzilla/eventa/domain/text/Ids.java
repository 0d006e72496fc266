package eu.heapzilla.eventa.domain.text;

import eu.heapzilla.eventa.domain.error.NotFound;
import java.util.Optional;
import java.util.UUID;

/** Reading ids, for every kind of id: UUIDs in their canonical 36-character form, and nothing else. */
public final class Ids {

    private Ids() {
    }

    /** The UUID {@code text} spells in canonical form (either case); empty for anything else. */
    public static Optional<UUID> canonical(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID uuid = UUID.fromString(text);
            return uuid.toString().equalsIgnoreCase(text) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * An id taken from a path: a malformed one names nothing, so it is "not found".
     *
     * @throws NotFound naming {@code what} when {@code text} is not a UUID in canonical form
     */
    public static UUID uuidFromPath(String text, String what) {
        return canonical(text).orElseThrow(() -> new NotFound(what));
    }
}
