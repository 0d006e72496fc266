/**
 * The failures a rule can report, each carrying a stable snake_case {@code errorCode} that
 * the HTTP adapter turns into the documented error shape.
 */
package eu.heapzilla.eventa.domain.error;
