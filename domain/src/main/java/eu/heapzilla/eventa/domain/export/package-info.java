/**
 * The deterministic export document: one whole event — its brief, members, households, guests,
 * tasks, budget items and the metadata of its receipts, with the change cursor it was read at —
 * as one value, {@link eu.heapzilla.eventa.domain.export.EventDocument}, whose lists are always
 * in one total order, so that the same state of an event always gives the same document (and,
 * written by a deterministic writer, the same bytes). The same value is what an import reads
 * back: every field is checked by the domain types it is built from, and the document itself
 * checks what only the whole can (unique ids, references between its parts, per-event limits).
 */
package eu.heapzilla.eventa.domain.export;
