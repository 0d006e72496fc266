package eu.heapzilla.eventa.domain.edit;

import eu.heapzilla.eventa.domain.error.DomainException;
import eu.heapzilla.eventa.domain.member.DisplayName;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An edit was based on a version that is no longer current. Carries the current state and
 * who made it so, so that the person can see what changed and decide; nothing was written.
 */
public final class VersionConflict extends DomainException {

    private final transient Versioned current;
    private final long basedOn;
    private final Optional<DisplayName> changedByName;

    public VersionConflict(Versioned current, long basedOn) {
        this(current, basedOn, Optional.empty());
    }

    private VersionConflict(Versioned current, long basedOn, Optional<DisplayName> changedByName) {
        super("version_conflict", "this was changed by someone else since version " + basedOn
                + "; it is now at version " + current.version(), Map.of());
        this.current = Objects.requireNonNull(current, "current");
        this.basedOn = basedOn;
        this.changedByName = changedByName;
    }

    /** The state as it is now. */
    public Versioned current() {
        return current;
    }

    /** The version the refused edit was based on. */
    public long basedOn() {
        return basedOn;
    }

    /** The display name of whoever made the current version, once the service has looked it up. */
    public Optional<DisplayName> changedByName() {
        return changedByName;
    }

    public VersionConflict changedBy(DisplayName name) {
        return new VersionConflict(current, basedOn, Optional.of(name));
    }
}
