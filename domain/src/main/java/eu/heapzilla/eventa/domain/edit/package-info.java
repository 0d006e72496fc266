/**
 * Editing shared things safely: partial updates ({@link eu.heapzilla.eventa.domain.edit.Patch})
 * and the stale-version check every versioned write passes
 * ({@link eu.heapzilla.eventa.domain.edit.Versioned}, {@link eu.heapzilla.eventa.domain.edit.VersionConflict}).
 */
package eu.heapzilla.eventa.domain.edit;
