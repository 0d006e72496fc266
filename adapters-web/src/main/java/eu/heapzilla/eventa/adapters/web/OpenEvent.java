package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.event.Event;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.ports.in.PlanEvents;

/**
 * The event a page of {@code /events/{e}/…} is about, as the signed-in member sees it. Opening it
 * checks membership on every request, so a removed member's next page is refused.
 */
record OpenEvent(Visit visit, EventId id, Event event, Role role) {

    static OpenEvent of(Visit visit, PlanEvents planEvents) {
        UserId user = visit.user();
        EventId id = EventId.fromPath(visit.ctx.pathParam("e"));
        PlanEvents.YourEvent mine = planEvents.view(user, id);
        return new OpenEvent(visit, id, mine.event(), mine.role());
    }

    UserId user() {
        return visit.user();
    }

    boolean canEdit() {
        return role != Role.VIEWER;
    }

    String path(String rest) {
        return "/events/" + id + rest;
    }

    Chrome chrome(String title, String tab) {
        return visit.chrome(title + " · " + event.brief().title(),
                new Chrome.EventTabs(id.toString(), event.brief().title(), role.wireName(), tab));
    }

    java.time.ZoneId zone() {
        return event.brief().timezone();
    }

    java.util.Currency currency() {
        return event.brief().currency();
    }
}
