package eu.heapzilla.eventa.adapters.http;

import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.text.Ids;
import eu.heapzilla.eventa.domain.guest.Guest;
import eu.heapzilla.eventa.domain.guest.GuestDetails;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.domain.guest.Rsvp;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.ports.in.ManageGuests;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /api/v1/events/{e}/guests}: the guest list, each guest in a household. */
final class GuestRoutes {

    static final String GUESTS = EventRoutes.EVENT + "/guests";
    static final String GUEST = GUESTS + "/{" + PathIds.GUEST + "}";
    private static final Set<String> FIELDS = Set.of("household_id", "name", "email", "phone", "rsvp", "meal_choice",
            "dietary_notes", "plus_one", "plus_one_name", "child", "notes");
    private static final Set<String> EDIT = Fields.with(FIELDS, EventFields.VERSION);

    private final ManageGuests guests;
    private final JsonBodies bodies;

    GuestRoutes(ManageGuests guests, JsonBodies bodies) {
        this.guests = guests;
        this.bodies = bodies;
    }

    void register(JavalinConfig config) {
        config.routes.get(GUESTS, this::list, Access.MEMBER);
        config.routes.post(GUESTS, this::create, Access.EDITOR);
        config.routes.get(GUEST, this::show, Access.MEMBER);
        config.routes.patch(GUEST, this::edit, Access.EDITOR);
        config.routes.delete(GUEST, this::delete, Access.EDITOR);
    }

    private void list(Context ctx) {
        ctx.json(Map.of("guests", guests.guests(Authentication.userId(ctx), PathIds.event(ctx)).stream()
                .map(GuestJson::of).toList()));
    }

    private void create(Context ctx) {
        PatchFields fields = new PatchFields(bodies.readObject(ctx), FIELDS);
        HouseholdId household = household(fields.requiredText("household_id"));
        GuestDetails details = GuestDetails.named(household, fields.requiredText("name")).edited(edit(fields));
        Guest created = guests.addGuest(Authentication.userId(ctx), PathIds.event(ctx), details);
        ctx.header("Location", PathIds.inEvent(GUESTS, created.event()) + "/" + created.id());
        respond(ctx.status(HttpStatus.CREATED), created);
    }

    private void show(Context ctx) {
        Guest guest = guests.guest(Authentication.userId(ctx), PathIds.event(ctx), PathIds.guest(ctx));
        if (!ETags.notModified(ctx, guest.version())) {
            respond(ctx, guest);
        }
    }

    private void edit(Context ctx) {
        PatchFields fields = new PatchFields(bodies.readObject(ctx), EDIT);
        long basedOn = fields.requiredLong(EventFields.VERSION);
        respond(ctx, guests.editGuest(Authentication.userId(ctx), PathIds.event(ctx), PathIds.guest(ctx), basedOn,
                edit(fields)));
    }

    private void delete(Context ctx) {
        guests.deleteGuest(Authentication.userId(ctx), PathIds.event(ctx), PathIds.guest(ctx), BasedOn.delete(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** Reads every field except the version; each value is checked here, before any transaction. */
    private static GuestDetails.Edit edit(PatchFields fields) {
        GuestDetails.Edit edit = GuestDetails.Edit.none();
        Optional<String> household = fields.text("household_id");
        if (household.isPresent()) {
            edit = edit.withHousehold(household(household.get()));
        }
        Optional<String> name = fields.text("name");
        if (name.isPresent()) {
            edit = edit.withName(name.get());
        }
        Optional<Optional<String>> email = fields.clearableText("email");
        if (email.isPresent()) {
            edit = edit.withEmail(email.get().filter(text -> !text.isBlank()).map(Email::of));
        }
        Optional<Optional<String>> phone = fields.clearableText("phone");
        if (phone.isPresent()) {
            edit = edit.withPhone(GuestDetails.phone(phone.get().orElse(null)));
        }
        Optional<String> rsvp = fields.text("rsvp");
        if (rsvp.isPresent()) {
            edit = edit.withRsvp(Rsvp.parse("rsvp", rsvp.get()));
        }
        Optional<Optional<String>> meal = fields.clearableText("meal_choice");
        if (meal.isPresent()) {
            edit = edit.withMealChoice(meal.get());
        }
        Optional<Optional<String>> dietary = fields.clearableText("dietary_notes");
        if (dietary.isPresent()) {
            edit = edit.withDietaryNotes(dietary.get());
        }
        Optional<Boolean> plusOne = fields.bool("plus_one");
        if (plusOne.isPresent()) {
            edit = edit.withPlusOne(plusOne.get());
        }
        Optional<Optional<String>> plusOneName = fields.clearableText("plus_one_name");
        if (plusOneName.isPresent()) {
            edit = edit.withPlusOneName(plusOneName.get());
        }
        Optional<Boolean> child = fields.bool("child");
        if (child.isPresent()) {
            edit = edit.withChild(child.get());
        }
        Optional<Optional<String>> notes = fields.clearableText("notes");
        if (notes.isPresent()) {
            edit = edit.withNotes(notes.get());
        }
        return edit;
    }

    private static HouseholdId household(String text) {
        return Ids.canonical(text).map(HouseholdId::new).orElseThrow(() -> new InvalidValue("household_id",
                "household_id must be the id of a household of this event"));
    }

    private static void respond(Context ctx, Guest guest) {
        ETags.set(ctx, guest.version());
        ctx.json(GuestJson.of(guest));
    }

    /** A guest on the wire. */
    record GuestJson(String id, String eventId, long version, String householdId, String name, String email,
                     String phone, String rsvp, String mealChoice, String dietaryNotes, boolean plusOne,
                     String plusOneName, boolean child, String notes, Instant createdAt, String createdBy,
                     Instant updatedAt, String updatedBy) {

        static GuestJson of(Guest guest) {
            GuestDetails d = guest.details();
            return new GuestJson(guest.id().toString(), guest.event().toString(), guest.version(),
                    d.household().toString(), d.name(), d.email().map(Email::value).orElse(null), d.phone().orElse(null),
                    d.rsvp().wireName(), d.mealChoice().orElse(null), d.dietaryNotes().orElse(null), d.plusOne(),
                    d.plusOneName().orElse(null), d.child(), d.notes().orElse(null), guest.revision().createdAt(),
                    guest.revision().createdBy().toString(), guest.revision().updatedAt(),
                    guest.revision().updatedBy().toString());
        }
    }
}
