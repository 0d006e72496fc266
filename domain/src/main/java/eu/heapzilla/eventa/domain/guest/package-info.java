/**
 * The guest list: {@link eu.heapzilla.eventa.domain.guest.Household households} (invited
 * together, one address) and the {@link eu.heapzilla.eventa.domain.guest.Guest guests} in
 * them, each with an {@link eu.heapzilla.eventa.domain.guest.Rsvp}. Every guest belongs to a
 * household of the same event; a household that still has guests cannot be deleted.
 */
package eu.heapzilla.eventa.domain.guest;
