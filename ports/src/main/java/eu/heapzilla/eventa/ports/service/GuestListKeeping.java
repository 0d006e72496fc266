package eu.heapzilla.eventa.ports.service;

import eu.heapzilla.eventa.domain.change.ChangeOp;
import eu.heapzilla.eventa.domain.change.EntityType;
import eu.heapzilla.eventa.domain.error.Conflict;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.error.NotFound;
import eu.heapzilla.eventa.domain.event.Action;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.GuestDetails;
import eu.heapzilla.eventa.domain.guest.GuestId;
import eu.heapzilla.eventa.domain.guest.Household;
import eu.heapzilla.eventa.domain.guest.HouseholdDetails;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.domain.guest.Rsvp;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.notification.NotificationKind;
import eu.heapzilla.eventa.ports.in.ManageGuests;
import eu.heapzilla.eventa.ports.out.Guests;
import eu.heapzilla.eventa.ports.out.Households;
import java.util.List;
import java.util.Map;

final class GuestListKeeping implements ManageGuests {

    private final Households households;
    private final Guests guests;
    private final EventReads reads;
    private final EventWrites writes;

    GuestListKeeping(Households households, Guests guests, EventReads reads,
                     EventWrites writes) {
        this.households = households;
        this.guests = guests;
        this.reads = reads;
        this.writes = writes;
    }

    @Override
    public List<Household> households(UserId viewer, EventId event) {
        return reads.asMember(viewer, event, () -> households.ofEvent(event));
    }

    @Override
    public Household household(UserId viewer, EventId event, HouseholdId household) {
        return reads.asMember(viewer, event, () -> existing(event, household));
    }

    @Override
    public Household addHousehold(UserId editor, EventId event, HouseholdDetails details) {
        return writes.write(editor, event, Action.WRITE, write -> {
            if (households.count(event) >= Household.MAX_PER_EVENT) {
                throw Conflict.limitReached("households", Household.MAX_PER_EVENT);
            }
            Household added = Household.create(HouseholdId.random(), event, details, editor, write.now());
            households.add(added);
            write.changed(EntityType.HOUSEHOLD, added.id().toString(), ChangeOp.CREATED, added.version());
            return added;
        });
    }

    @Override
    public Household editHousehold(UserId editor, EventId event, HouseholdId household, long basedOn,
                                   HouseholdDetails.Edit edit) {
        return writes.write(editor, event, Action.WRITE, write -> {
            Household before = existing(event, household);
            Household after = before.edited(basedOn, edit, editor, write.now());
            if (after != before) {
                households.update(after);
                write.changed(EntityType.HOUSEHOLD, household.toString(), ChangeOp.UPDATED, after.version());
            }
            return after;
        });
    }

    @Override
    public void deleteHousehold(UserId editor, EventId event, HouseholdId household, long basedOn) {
        writes.write(editor, event, Action.WRITE, write -> {
            Household doomed = existing(event, household);
            doomed.requireVersion(basedOn);
            int left = guests.ofHousehold(event, household).size();
            if (left > 0) {
                throw new Conflict("household_not_empty", "this household still has " + left
                        + (left == 1 ? " guest" : " guests") + ": move or delete them first", Map.of("guests", left));
            }
            households.remove(event, household);
            write.changed(EntityType.HOUSEHOLD, household.toString(), ChangeOp.DELETED, doomed.version() + 1);
            return null;
        });
    }

    @Override
    public List<Guest> guests(UserId viewer, EventId event) {
        return reads.asMember(viewer, event, () -> guests.ofEvent(event));
    }

    @Override
    public Guest guest(UserId viewer, EventId event, GuestId guest) {
        return reads.asMember(viewer, event, () -> existing(event, guest));
    }

    @Override
    public Guest addGuest(UserId editor, EventId event, GuestDetails details) {
        return writes.write(editor, event, Action.WRITE, write -> {
            requireHousehold(event, details.household());
            if (guests.count(event) >= Guest.MAX_PER_EVENT) {
                throw Conflict.limitReached("guests", Guest.MAX_PER_EVENT);
            }
            Guest added = Guest.create(GuestId.random(), event, details, editor, write.now());
            guests.add(added);
            write.changed(EntityType.GUEST, added.id().toString(), ChangeOp.CREATED, added.version());
            return added;
        });
    }

    @Override
    public Guest editGuest(UserId editor, EventId event, GuestId guest, long basedOn, GuestDetails.Edit edit) {
        return writes.write(editor, event, Action.WRITE, write -> {
            Guest before = existing(event, guest);
            Guest after = before.edited(basedOn, edit, editor, write.now());
            if (after != before) {
                requireHousehold(event, after.household());
                guests.update(after);
                write.changed(EntityType.GUEST, guest.toString(), ChangeOp.UPDATED, after.version());
                Rsvp answer = after.details().rsvp();
                if (answer != before.details().rsvp() && answer != Rsvp.PENDING) {
                    write.tell(Notice.everyoneElse(NotificationKind.RSVP_CHANGED, EntityType.GUEST, guest.toString(),
                            after.details().name(), answer.wireName()));
                }
            }
            return after;
        });
    }

    @Override
    public void deleteGuest(UserId editor, EventId event, GuestId guest, long basedOn) {
        writes.write(editor, event, Action.WRITE, write -> {
            Guest doomed = existing(event, guest);
            doomed.requireVersion(basedOn);
            guests.remove(event, guest);
            write.changed(EntityType.GUEST, guest.toString(), ChangeOp.DELETED, doomed.version() + 1);
            return null;
        });
    }

    private void requireHousehold(EventId event, HouseholdId household) {
        if (households.byId(event, household).isEmpty()) {
            throw new InvalidValue("household_id", "household_id names no household of this event");
        }
    }

    private Household existing(EventId event, HouseholdId household) {
        return households.byId(event, household).orElseThrow(() -> new NotFound("household"));
    }

    private Guest existing(EventId event, GuestId guest) {
        return guests.byId(event, guest).orElseThrow(() -> new NotFound("guest"));
    }
}
