package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.heapzilla.eventa.domain.guest.Household;
import eu.heapzilla.eventa.domain.guest.HouseholdDetails;
import eu.heapzilla.eventa.ports.in.ManageGuests;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /api/v1/events/{e}/households}: the households of the guest list. */
final class HouseholdRoutes {

    static final String HOUSEHOLDS = EventRoutes.EVENT + "/households";
    static final String HOUSEHOLD = HOUSEHOLDS + "/{" + PathIds.HOUSEHOLD + "}";
    private static final Set<String> FIELDS = Set.of("name", "address", "notes");
    private static final Set<String> EDIT = Fields.with(FIELDS, EventFields.VERSION);

    private final ManageGuests guests;
    private final JsonBodies bodies;

    HouseholdRoutes(ManageGuests guests, JsonBodies bodies) {
        this.guests = guests;
        this.bodies = bodies;
    }

    void register(JavalinConfig config) {
        config.routes.get(HOUSEHOLDS, this::list, Access.MEMBER);
        config.routes.post(HOUSEHOLDS, this::create, Access.EDITOR);
        config.routes.get(HOUSEHOLD, this::show, Access.MEMBER);
        config.routes.patch(HOUSEHOLD, this::edit, Access.EDITOR);
        config.routes.delete(HOUSEHOLD, this::delete, Access.EDITOR);
    }

    private void list(Context ctx) {
        ctx.json(Map.of("households", guests.households(Authentication.userId(ctx), PathIds.event(ctx)).stream()
                .map(HouseholdJson::of).toList()));
    }

    private void create(Context ctx) {
        PatchFields fields = new PatchFields(bodies.readObject(ctx), FIELDS);
        HouseholdDetails details = HouseholdDetails.named(fields.requiredText("name")).edited(edit(fields));
        Household created = guests.addHousehold(Authentication.userId(ctx), PathIds.event(ctx), details);
        ctx.header("Location", PathIds.inEvent(HOUSEHOLDS, created.event()) + "/" + created.id());
        respond(ctx.status(HttpStatus.CREATED), created);
    }

    private void show(Context ctx) {
        Household household = guests.household(Authentication.userId(ctx), PathIds.event(ctx), PathIds.household(ctx));
        if (!ETags.notModified(ctx, household.version())) {
            respond(ctx, household);
        }
    }

    private void edit(Context ctx) {
        PatchFields fields = new PatchFields(bodies.readObject(ctx), EDIT);
        long basedOn = fields.requiredLong(EventFields.VERSION);
        respond(ctx, guests.editHousehold(Authentication.userId(ctx), PathIds.event(ctx), PathIds.household(ctx), basedOn,
                edit(fields)));
    }

    private void delete(Context ctx) {
        guests.deleteHousehold(Authentication.userId(ctx), PathIds.event(ctx), PathIds.household(ctx),
                BasedOn.delete(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static HouseholdDetails.Edit edit(PatchFields fields) {
        HouseholdDetails.Edit edit = HouseholdDetails.Edit.none();
        Optional<String> name = fields.text("name");
        if (name.isPresent()) {
            edit = edit.withName(name.get());
        }
        Optional<Optional<String>> address = fields.clearableText("address");
        if (address.isPresent()) {
            edit = edit.withAddress(address.get());
        }
        Optional<Optional<String>> notes = fields.clearableText("notes");
        if (notes.isPresent()) {
            edit = edit.withNotes(notes.get());
        }
        return edit;
    }

    private static void respond(Context ctx, Household household) {
        ETags.set(ctx, household.version());
        ctx.json(HouseholdJson.of(household));
    }

    /** A household on the wire. */
    record HouseholdJson(String id, String eventId, long version, String name, String address, String notes,
                         Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

        static HouseholdJson of(Household household) {
            HouseholdDetails details = household.details();
            return new HouseholdJson(household.id().toString(), household.event().toString(), household.version(),
                    details.name(), details.address().orElse(null), details.notes().orElse(null),
                    household.revision().createdAt(), household.revision().createdBy().toString(),
                    household.revision().updatedAt(), household.revision().updatedBy().toString());
        }
    }
}
