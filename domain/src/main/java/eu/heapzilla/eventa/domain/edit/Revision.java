package eu.heapzilla.eventa.domain.edit;

import eu.heapzilla.eventa.domain.member.UserId;
import java.time.Instant;
import java.util.Objects;

/** Who created a versioned thing and when, and which version its last edit left it at, by whom, when. */
public record Revision(long version, Instant createdAt, UserId createdBy, Instant updatedAt, UserId updatedBy) {

    public Revision {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /** Version 1, created and last edited by {@code author} at {@code now}. */
    public static Revision first(UserId author, Instant now) {
        return new Revision(1, now, author, now, author);
    }

    /** The next version, edited by {@code editor} at {@code now}. */
    public Revision next(UserId editor, Instant now) {
        return new Revision(version + 1, createdAt, createdBy, now, editor);
    }
}
