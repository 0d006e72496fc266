package eu.heapzilla.eventa.domain.event;

import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.Forbidden;
import eu.heapzilla.eventa.domain.error.NotFound;
import java.util.Optional;

/**
 * Who may do what in an event, and nowhere else: a VIEWER reads; an EDITOR also writes the
 * brief and the planning resources and invites people; an OWNER also manages members and may
 * delete the event. Someone who is not a member is told the event does not exist.
 */
public final class Permissions {

    private Permissions() {
    }

    public static boolean allows(Role role, Action action) {
        return switch (action) {
            case READ -> true;
            case WRITE, INVITE -> role == Role.OWNER || role == Role.EDITOR;
            case MANAGE_MEMBERS, DELETE_EVENT -> role == Role.OWNER;
        };
    }

    /**
     * Checks that someone with {@code role} in the event (empty: not a member) may do
     * {@code action}, and returns that role.
     *
     * @throws NotFound when they are not a member, so that an event's existence is not revealed
     * @throws Forbidden when their role does not allow it
     */
    public static Role require(Optional<Role> role, Action action) {
        Role held = role.orElseThrow(() -> new NotFound("event"));
        if (!allows(held, action)) {
            throw new Forbidden(refusal(held, action));
        }
        return held;
    }

    /**
     * Editors invite editors and viewers; only an owner may invite another owner.
     *
     * @throws Forbidden when {@code inviter} may not hand out {@code invited}
     */
    public static void requireMayInvite(Role inviter, Role invited) {
        require(Optional.of(inviter), Action.INVITE);
        if (invited == Role.OWNER && inviter != Role.OWNER) {
            throw new Forbidden("only an owner can invite another owner");
        }
    }

    /**
     * Changing a member's role: owners only, and an event never loses its last owner.
     *
     * @param owners how many owners the event has now
     */
    public static void requireMayChangeRole(Role actor, Membership target, Role newRole, int owners) {
        require(Optional.of(actor), Action.MANAGE_MEMBERS);
        if (target.role() == Role.OWNER && newRole != Role.OWNER && owners <= 1) {
            throw lastOwner();
        }
    }

    /**
     * Removing a member: an owner removes anyone, any member removes themselves (leaves), and
     * an event never loses its last owner.
     *
     * @param owners how many owners the event has now
     */
    public static void requireMayRemove(Membership actor, Membership target, int owners) {
        boolean leaving = actor.user().equals(target.user());
        if (!leaving) {
            require(Optional.of(actor.role()), Action.MANAGE_MEMBERS);
        }
        if (target.role() == Role.OWNER && owners <= 1) {
            throw lastOwner();
        }
    }

    private static Conflict lastOwner() {
        return new Conflict("last_owner",
                "an event always needs an owner: make someone else an owner first, or delete the event");
    }

    private static String refusal(Role role, Action action) {
        String what = switch (action) {
            case READ -> "see this event";
            case WRITE -> "change this event";
            case INVITE -> "invite people to this event";
            case MANAGE_MEMBERS -> "manage this event's members";
            case DELETE_EVENT -> "delete this event";
        };
        return "as " + article(role) + " " + role.wireName() + " you cannot " + what;
    }

    private static String article(Role role) {
        return role == Role.OWNER || role == Role.EDITOR ? "an" : "a";
    }
}
