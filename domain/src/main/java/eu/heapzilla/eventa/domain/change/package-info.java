/**
 * The per-event change log: every write to an event or anything inside it leaves one
 * {@link eu.heapzilla.eventa.domain.change.Change}, numbered without gaps, from which any
 * client catches up.
 */
package eu.heapzilla.eventa.domain.change;
