package eu.heapzilla.eventa.domain.event;

/** Things a member can try to do in an event; {@link Permissions} says which role may. */
public enum Action {
    /** See the event and everything in it, and follow its changes. */
    READ,
    /** Edit the brief and create, edit or delete the planning resources inside the event. */
    WRITE,
    /** Invite people and revoke invites. */
    INVITE,
    /** Change members' roles and remove members. */
    MANAGE_MEMBERS,
    /** Delete the whole event. */
    DELETE_EVENT
}
