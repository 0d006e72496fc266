package eu.heapzilla.eventa.ports.in;

import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.export.EventDocument;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.PlanEvents.YourEvent;

/**
 * A member takes a whole event out as one document ({@link EventDocument}: brief, members,
 * guest list, checklist, budget, receipts' metadata and the change cursor), and anyone signed in
 * starts a new event from such a document — a copy, a template, a move from another server.
 */
public interface ExportEvents {

    /**
     * The event as it is now, read as one consistent state: the document's cursor is the seq of
     * the last change that state includes. The same state always gives an equal document.
     *
     * @throws eu.heapzilla.eventa.domain.error.NotFound when there is no such event or {@code viewer} is not a member
     */
    EventDocument export(UserId viewer, EventId event);

    /**
     * Creates a new event from {@code document}, all of it or nothing, with {@code importer} as
     * its only member and owner. Everything gets a new id (references between the document's
     * parts follow), starts at version 1 created by {@code importer}, and is recorded in the new
     * event's change log like any other write. Not taken over: the other members (they are
     * invited again), assignees other than {@code importer} (cleared), the receipts (the document
     * holds their metadata, not their bytes) and the cursor. Who finished a task is kept when
     * that user exists on this server, otherwise it becomes {@code importer}; when is kept.
     */
    YourEvent importEvent(UserId importer, EventDocument document);
}
