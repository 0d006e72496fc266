/**
 * Events and who plans them: the event and its brief, memberships and roles, invites, and
 * {@link eu.heapzilla.eventa.domain.event.Permissions}, the one place that says who may do what.
 */
package eu.heapzilla.eventa.domain.event;
