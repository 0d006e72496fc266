package eu.heapzilla.eventa.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.heapzilla.eventa.domain.budget.BudgetItemDetails;
import eu.heapzilla.eventa.domain.budget.BudgetItemId;
import eu.heapzilla.eventa.domain.budget.ReceiptId;
import eu.heapzilla.eventa.domain.budget.ReceiptName;
import eu.heapzilla.eventa.domain.budget.ReceiptType;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import eu.heapzilla.eventa.domain.event.EventBrief;
import eu.heapzilla.eventa.domain.text.Ids;
import eu.heapzilla.eventa.domain.event.EventId;
import eu.heapzilla.eventa.domain.event.Role;
import eu.heapzilla.eventa.domain.export.EventDocument;
import eu.heapzilla.eventa.domain.export.EventDocument.BudgetItemEntry;
import eu.heapzilla.eventa.domain.export.EventDocument.GuestEntry;
import eu.heapzilla.eventa.domain.export.EventDocument.HouseholdEntry;
import eu.heapzilla.eventa.domain.export.EventDocument.MemberEntry;
import eu.heapzilla.eventa.domain.export.EventDocument.ReceiptEntry;
import eu.heapzilla.eventa.domain.export.EventDocument.TaskEntry;
import eu.heapzilla.eventa.domain.guest.GuestDetails;
import eu.heapzilla.eventa.domain.guest.GuestId;
import eu.heapzilla.eventa.domain.guest.HouseholdDetails;
import eu.heapzilla.eventa.domain.guest.HouseholdId;
import eu.heapzilla.eventa.domain.guest.Rsvp;
import eu.heapzilla.eventa.domain.member.DisplayName;
import eu.heapzilla.eventa.domain.member.Email;
import eu.heapzilla.eventa.domain.member.UserId;
import eu.heapzilla.eventa.domain.task.Completion;
import eu.heapzilla.eventa.domain.task.TaskDetails;
import eu.heapzilla.eventa.domain.task.TaskId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The export document on the wire ({@code GET …/export.json}, {@code POST /events/import}).
 *
 * <p><b>Writing</b> is done by hand, not by a JSON library, so that the bytes depend on
 * nothing but the document: fields in the fixed order below, lists in the document's order
 * (by id, see {@link EventDocument}), UTF-8, two spaces of indentation, {@code \n} line ends
 * and a final newline, every field always present ({@code null} when empty, {@code []} for an
 * empty list), integers for money and counts, dates as {@code YYYY-MM-DD}, timestamps as
 * RFC 3339 in UTC ({@code 2026-06-01T09:00:00Z}, fractions of a second only when there are
 * some). Text is written as it is, except {@code "} and {@code \}, control characters, U+2028,
 * U+2029 and unpaired surrogates, which are escaped ({@code \n}, {@code \t}, … or
 * {@code \}{@code u00xx} in lower case). The same document therefore always gives the same bytes.
 *
 * <pre>
 * {"schema_version", "cursor",
 *  "event": {"id", "title", "date", "timezone", "currency", "location", "notes", "planned_budget_cents"},
 *  "members": [{"user_id", "display_name", "role"}],
 *  "households": [{"id", "name", "address", "notes"}],
 *  "guests": [{"id", "household_id", "name", "email", "phone", "rsvp", "meal_choice", "dietary_notes",
 *              "plus_one", "plus_one_name", "child", "notes"}],
 *  "tasks": [{"id", "title", "notes", "due_on", "assignee_id", "done_at", "done_by"}],
 *  "budget_items": [{"id", "category", "title", "vendor", "estimated_cents", "actual_cents", "paid_cents",
 *                    "due_on", "notes"}],
 *  "receipts": [{"id", "budget_item_id", "file_name", "media_type", "size_bytes", "sha256"}]}
 * </pre>
 *
 * <p><b>Reading</b> takes that shape back, strictly: {@code schema_version} is looked at first
 * (any other version is refused before anything else, as its shape may differ), an unknown field
 * anywhere is refused, and every value is built into its domain type, which checks it. An
 * optional field may also be left out (same as {@code null}); ids, names, titles, {@code rsvp},
 * the booleans, amounts that cannot be empty, and every receipt field are required. Each failure
 * names where it is, as a path into the document: {@code guests[3].rsvp}, {@code event.currency}.
 */
final class EventDocumentJson {

    private static final Set<String> TOP = Set.of("schema_version", "cursor", "event", "members", "households", "guests",
            "tasks", "budget_items", "receipts");
    private static final Set<String> EVENT = Set.of("id", "title", "date", "timezone", "currency", "location", "notes",
            "planned_budget_cents");
    private static final Set<String> MEMBER = Set.of("user_id", "display_name", "role");
    private static final Set<String> HOUSEHOLD = Set.of("id", "name", "address", "notes");
    private static final Set<String> GUEST = Set.of("id", "household_id", "name", "email", "phone", "rsvp",
            "meal_choice", "dietary_notes", "plus_one", "plus_one_name", "child", "notes");
    private static final Set<String> TASK = Set.of("id", "title", "notes", "due_on", "assignee_id", "done_at",
            "done_by");
    private static final Set<String> BUDGET_ITEM = Set.of("id", "category", "title", "vendor", "estimated_cents",
            "actual_cents", "paid_cents", "due_on", "notes");
    private static final Set<String> RECEIPT = Set.of("id", "budget_item_id", "file_name", "media_type", "size_bytes",
            "sha256");

    private EventDocumentJson() {
    }

    /** The document as UTF-8 bytes, the same bytes for the same document. */
    static byte[] write(EventDocument document) {
        Out out = new Out();
        out.open('{');
        out.field("schema_version", document.schemaVersion());
        out.field("cursor", document.cursor());
        out.name("event");
        out.open('{');
        EventBrief brief = document.brief();
        out.field("id", document.event().toString());
        out.field("title", brief.title());
        out.field("date", brief.date());
        out.field("timezone", brief.timezone().getId());
        out.field("currency", brief.currency().getCurrencyCode());
        out.field("location", brief.location());
        out.field("notes", brief.notes());
        out.field("planned_budget_cents", brief.plannedBudgetCents());
        out.close('}');
        out.list("members", document.members(), member -> {
            out.field("user_id", member.user().toString());
            out.field("display_name", member.displayName().value());
            out.field("role", member.role().wireName());
        });
        out.list("households", document.households(), household -> {
            HouseholdDetails d = household.details();
            out.field("id", household.id().toString());
            out.field("name", d.name());
            out.field("address", d.address());
            out.field("notes", d.notes());
        });
        out.list("guests", document.guests(), guest -> {
            GuestDetails d = guest.details();
            out.field("id", guest.id().toString());
            out.field("household_id", d.household().toString());
            out.field("name", d.name());
            out.field("email", d.email().map(Email::value));
            out.field("phone", d.phone());
            out.field("rsvp", d.rsvp().wireName());
            out.field("meal_choice", d.mealChoice());
            out.field("dietary_notes", d.dietaryNotes());
            out.field("plus_one", d.plusOne());
            out.field("plus_one_name", d.plusOneName());
            out.field("child", d.child());
            out.field("notes", d.notes());
        });
        out.list("tasks", document.tasks(), task -> {
            TaskDetails d = task.details();
            out.field("id", task.id().toString());
            out.field("title", d.title());
            out.field("notes", d.notes());
            out.field("due_on", d.dueOn());
            out.field("assignee_id", d.assignee().map(UserId::toString));
            out.field("done_at", task.done().map(done -> DateTimeFormatter.ISO_INSTANT.format(done.at())));
            out.field("done_by", task.done().map(done -> done.by().toString()));
        });
        out.list("budget_items", document.budgetItems(), item -> {
            BudgetItemDetails d = item.details();
            out.field("id", item.id().toString());
            out.field("category", d.category());
            out.field("title", d.title());
            out.field("vendor", d.vendor());
            out.field("estimated_cents", d.estimatedCents());
            out.field("actual_cents", d.actualCents());
            out.field("paid_cents", d.paidCents());
            out.field("due_on", d.dueOn());
            out.field("notes", d.notes());
        });
        out.list("receipts", document.receipts(), receipt -> {
            out.field("id", receipt.id().toString());
            out.field("budget_item_id", receipt.budgetItem().toString());
            out.field("file_name", receipt.fileName().value());
            out.field("media_type", receipt.type().mediaType());
            out.field("size_bytes", receipt.sizeBytes());
            out.field("sha256", receipt.sha256());
        });
        out.close('}');
        return out.bytes();
    }

    /**
     * The document in {@code body}, every value checked.
     *
     * @throws InvalidValue      when a value breaks a domain rule or the document's own rules
     * @throws BadRequestBody    when the shape is wrong: an unknown field, a missing one, a wrong type
     */
    static EventDocument read(ObjectNode body) {
        Node root = new Node(body, "");
        long version = root.requiredWhole("schema_version");
        if (version != EventDocument.SCHEMA_VERSION) {
            throw new InvalidValue("schema_version", "schema_version " + version
                    + " is not supported; this server reads schema_version " + EventDocument.SCHEMA_VERSION);
        }
        root.allowOnly(TOP);
        long cursor = root.requiredWhole("cursor");
        Node event = root.object("event", EVENT);
        EventId id = new EventId(event.requiredId("id"));
        EventBrief brief = event.checked(() -> new EventBrief(event.requiredText("title"),
                event.optionalDate("date"), EventBrief.timezone(event.requiredText("timezone")),
                EventBrief.currency(event.requiredText("currency")), event.optionalText("location"),
                event.optionalText("notes"), event.optionalWhole("planned_budget_cents")));
        List<MemberEntry> members = root.list("members", MEMBER, member -> member.checked(() -> new MemberEntry(
                new UserId(member.requiredId("user_id")), new DisplayName(member.requiredText("display_name")),
                Role.parse("role", member.requiredText("role")))));
        List<HouseholdEntry> households = root.list("households", HOUSEHOLD, household -> household.checked(
                () -> new HouseholdEntry(new HouseholdId(household.requiredId("id")), new HouseholdDetails(
                        household.requiredText("name"), household.optionalText("address"),
                        household.optionalText("notes")))));
        List<GuestEntry> guests = root.list("guests", GUEST, guest -> guest.checked(() -> new GuestEntry(
                new GuestId(guest.requiredId("id")), new GuestDetails(new HouseholdId(guest.requiredId("household_id")),
                        guest.requiredText("name"), guest.optionalText("email").filter(t -> !t.isBlank()).map(Email::of),
                        guest.optionalText("phone"), Rsvp.parse("rsvp", guest.requiredText("rsvp")),
                        guest.optionalText("meal_choice"), guest.optionalText("dietary_notes"),
                        guest.requiredBool("plus_one"), guest.optionalText("plus_one_name"), guest.requiredBool("child"),
                        guest.optionalText("notes")))));
        List<TaskEntry> tasks = root.list("tasks", TASK, task -> task.checked(() -> new TaskEntry(
                new TaskId(task.requiredId("id")), new TaskDetails(task.requiredText("title"), task.optionalText("notes"),
                        task.optionalDate("due_on").map(TaskDetails::dueOn), task.optionalId("assignee_id").map(UserId::new)),
                completion(task))));
        List<BudgetItemEntry> budgetItems = root.list("budget_items", BUDGET_ITEM, item -> item.checked(
                () -> new BudgetItemEntry(new BudgetItemId(item.requiredId("id")), new BudgetItemDetails(
                        item.requiredText("category"), item.requiredText("title"), item.optionalText("vendor"),
                        item.requiredWhole("estimated_cents"), item.optionalWhole("actual_cents"),
                        item.requiredWhole("paid_cents"), item.optionalDate("due_on"), item.optionalText("notes")))));
        List<ReceiptEntry> receipts = root.list("receipts", RECEIPT, receipt -> receipt.checked(() -> new ReceiptEntry(
                new ReceiptId(receipt.requiredId("id")), new BudgetItemId(receipt.requiredId("budget_item_id")),
                fileName(receipt), mediaType(receipt), receipt.requiredWhole("size_bytes"),
                receipt.requiredText("sha256"))));
        return new EventDocument(EventDocument.SCHEMA_VERSION, cursor, id, brief, members, households, guests, tasks,
                budgetItems, receipts);
    }

    private static Optional<Completion> completion(Node task) {
        Optional<Instant> at = task.optionalInstant("done_at");
        Optional<UUID> by = task.optionalId("done_by");
        if (at.isPresent() != by.isPresent()) {
            throw new InvalidValue(at.isPresent() ? "done_by" : "done_at", "done_at and done_by go together: both or neither");
        }
        return at.map(when -> new Completion(when, new UserId(by.orElseThrow())));
    }

    private static ReceiptName fileName(Node receipt) {
        try {
            return new ReceiptName(receipt.requiredText("file_name"));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("file_name", "file_name must be a file name of at most " + ReceiptName.MAX_LENGTH
                    + " characters without control characters, quotes or slashes");
        }
    }

    private static ReceiptType mediaType(Node receipt) {
        try {
            return ReceiptType.ofMediaType(receipt.requiredText("media_type"));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("media_type", "media_type must be one of image/jpeg, image/png, image/webp, "
                    + "image/heic, application/pdf");
        }
    }

    /** One JSON object of the document, at {@code path} ({@code ""} for the whole document). */
    private record Node(ObjectNode json, String path) {

        String at(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        void allowOnly(Set<String> fields) {
            for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!fields.contains(name)) {
                    throw new BadRequestBody(at(name), "unknown field '" + at(name) + "'");
                }
            }
        }

        /**
         * Runs {@code build}; a domain rule it breaks is reported at this object's path:
         * {@code rsvp} of the fourth guest becomes {@code guests[3].rsvp}.
         */
        <T> T checked(Supplier<T> build) {
            try {
                return build.get();
            } catch (InvalidValue e) {
                throw path.isEmpty() ? e : new InvalidValue(at(e.field()), path + ": " + e.detail());
            }
        }

        Node object(String field, Set<String> fields) {
            JsonNode node = json.get(field);
            if (!(node instanceof ObjectNode object)) {
                throw new BadRequestBody(at(field), "field '" + at(field) + "' must be an object");
            }
            Node child = new Node(object, at(field));
            child.allowOnly(fields);
            return child;
        }

        <T> List<T> list(String field, Set<String> fields, Function<Node, T> read) {
            JsonNode node = json.get(field);
            if (!(node instanceof ArrayNode array)) {
                throw new BadRequestBody(at(field), "field '" + at(field) + "' must be a list");
            }
            List<T> entries = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                String place = at(field) + "[" + i + "]";
                if (!(array.get(i) instanceof ObjectNode object)) {
                    throw new BadRequestBody(place, "'" + place + "' must be an object");
                }
                Node entry = new Node(object, place);
                entry.allowOnly(fields);
                entries.add(read.apply(entry));
            }
            return entries;
        }

        /** The field's value; empty when it is absent or {@code null}. */
        private Optional<JsonNode> value(String field) {
            JsonNode node = json.get(field);
            return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
        }

        private BadRequestBody required(String field) {
            return new BadRequestBody(at(field), "field '" + at(field) + "' is required");
        }

        Optional<String> optionalText(String field) {
            return value(field).map(node -> {
                if (!node.isTextual()) {
                    throw new BadRequestBody(at(field), "field '" + at(field) + "' must be a string or null");
                }
                return node.textValue();
            });
        }

        String requiredText(String field) {
            return optionalText(field).orElseThrow(() -> required(field));
        }

        OptionalLong optionalWhole(String field) {
            Optional<JsonNode> node = value(field);
            if (node.isEmpty()) {
                return OptionalLong.empty();
            }
            if (!node.get().isIntegralNumber() || !node.get().canConvertToLong()) {
                throw new BadRequestBody(at(field), "field '" + at(field) + "' must be a whole number");
            }
            return OptionalLong.of(node.get().longValue());
        }

        long requiredWhole(String field) {
            return optionalWhole(field).orElseThrow(() -> required(field));
        }

        boolean requiredBool(String field) {
            JsonNode node = value(field).orElseThrow(() -> required(field));
            if (!node.isBoolean()) {
                throw new BadRequestBody(at(field), "field '" + at(field) + "' must be true or false");
            }
            return node.booleanValue();
        }

        Optional<LocalDate> optionalDate(String field) {
            return optionalText(field).map(text -> WireDates.parse(text).orElseThrow(() ->
                    new BadRequestBody(at(field), "field '" + at(field) + "' must be a date (YYYY-MM-DD) or null")));
        }

        /** An RFC 3339 timestamp with an offset, such as {@code 2026-06-01T09:00:00Z}. */
        Optional<Instant> optionalInstant(String field) {
            return optionalText(field).map(text -> {
                try {
                    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                } catch (DateTimeParseException e) {
                    throw new BadRequestBody(at(field), "field '" + at(field)
                            + "' must be an RFC 3339 timestamp with offset (2026-06-01T09:00:00Z) or null");
                }
            });
        }

        /** A UUID in its canonical 36-character form. */
        Optional<UUID> optionalId(String field) {
            return optionalText(field).map(text -> Ids.canonical(text).orElseThrow(() ->
                    new BadRequestBody(at(field), "field '" + at(field) + "' must be an id (a UUID)")));
        }

        UUID requiredId(String field) {
            return optionalId(field).orElseThrow(() -> required(field));
        }
    }

    /** A JSON text written by hand: fixed indentation and line ends, nothing left to a library. */
    private static final class Out {

        private final StringBuilder text = new StringBuilder();
        /** For each open object or list: whether nothing has been written into it yet. */
        private final Deque<boolean[]> empty = new ArrayDeque<>();

        void open(char bracket) {
            text.append(bracket);
            empty.push(new boolean[] {true});
        }

        void close(char bracket) {
            boolean wasEmpty = empty.pop()[0];
            if (!wasEmpty) {
                newLine();
            }
            text.append(bracket);
        }

        /** Starts the next member of the open object or list, on its own line. */
        private void next() {
            boolean[] state = empty.peek();
            if (!state[0]) {
                text.append(',');
            }
            state[0] = false;
            newLine();
        }

        private void newLine() {
            text.append('\n');
            text.append("  ".repeat(empty.size()));
        }

        void name(String name) {
            next();
            string(name);
            text.append(": ");
        }

        void field(String name, String value) {
            name(name);
            string(value);
        }

        void field(String name, Optional<?> value) {
            name(name);
            if (value.isEmpty()) {
                text.append("null");
            } else if (value.get() instanceof LocalDate date) {
                string(DateTimeFormatter.ISO_LOCAL_DATE.format(date));
            } else {
                string(value.get().toString());
            }
        }

        void field(String name, long value) {
            name(name);
            text.append(value);
        }

        void field(String name, OptionalLong value) {
            name(name);
            text.append(value.isPresent() ? Long.toString(value.getAsLong()) : "null");
        }

        void field(String name, boolean value) {
            name(name);
            text.append(value);
        }

        <T> void list(String name, List<T> entries, Consumer<T> fields) {
            name(name);
            open('[');
            for (T entry : entries) {
                next();
                open('{');
                fields.accept(entry);
                close('}');
            }
            close(']');
        }

        private void string(String value) {
            text.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> text.append("\\\"");
                    case '\\' -> text.append("\\\\");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    case '\t' -> text.append("\\t");
                    case '\b' -> text.append("\\b");
                    case '\f' -> text.append("\\f");
                    default -> {
                        if (Character.isHighSurrogate(c) && i + 1 < value.length()
                                && Character.isLowSurrogate(value.charAt(i + 1))) {
                            text.append(c).append(value.charAt(++i));
                        } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                                || Character.isSurrogate(c)) {
                            text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            text.append(c);
                        }
                    }
                }
            }
            text.append('"');
        }

        byte[] bytes() {
            if (!empty.isEmpty()) {
                throw new IllegalStateException("an object or list is still open");
            }
            return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
