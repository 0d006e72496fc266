package eu.heapzilla.eventa.ports.out;

import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.User;
import eu.heapzilla.eventa.domain.member.UserId;
import java.util.Optional;

/** Everyone who can sign in. One user per email address. */
public interface Users {

    Optional<User> byId(UserId id);

    Optional<User> byEmail(Email email);

    /**
     * Stores {@code candidate} unless a user with its email already exists, and returns the
     * user who owns that email afterwards. Safe when two callers race for one address: both
     * get the same user.
     */
    User addOrGet(User candidate);

    /**
     * Replaces the stored display name and last-seen time of an existing user.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when the user does not exist
     */
    void update(User user);
}
