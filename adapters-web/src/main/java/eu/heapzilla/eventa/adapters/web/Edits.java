package eu.heapzilla.eventa.adapters.web;

import eu.heapzilla.eventa.domain.edit.VersionConflict;
import eu.heapzilla.eventa.domain.edit.Versioned;
import eu.heapzilla.eventa.domain.error.InvalidValue;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Saving an edit form without ever overwriting someone else's save silently: the person's changed
 * fields are sent with the version the form was shown at. When someone saved in between, and
 * they changed other fields only, the person's fields are saved on top of theirs at once. When
 * both changed the same field to different values, the form comes back with both values side by
 * side: "Keep mine" (the form as it stands, now based on their version) or "Take theirs".
 *
 * @param <T> what is edited
 */
final class Edits<T extends Versioned> {

    private final Function<T, Map<String, String>> fieldsOf;
    private final Map<String, String> labels;

    /**
     * @param fieldsOf the form's values for a saved state
     * @param labels   each field's label, in the form's order
     */
    Edits(Function<T, Map<String, String>> fieldsOf, Map<String, String> labels) {
        this.fieldsOf = fieldsOf;
        this.labels = labels;
    }

    List<String> fields() {
        return List.copyOf(labels.keySet());
    }

    EditForm form(T saved) {
        return EditForm.showing(saved.version(), fieldsOf.apply(saved));
    }

    /**
     * Saves {@code form}'s changes through {@code save(version, changed fields)}.
     *
     * @return the saved state, or the form to show again (with the clash, or with a refusal)
     */
    Outcome<T> save(EditForm form, Save<T> save, Names names, Formats formats, ZoneId zone) {
        Map<String, String> changed = form.changed();
        if (changed.isEmpty()) {
            return new Outcome<>(Optional.empty(), Optional.empty());
        }
        try {
            return saved(save.save(form.version(), changed));
        } catch (VersionConflict conflict) {
            @SuppressWarnings("unchecked")
            T current = (T) conflict.current();
            Map<String, String> theirs = fieldsOf.apply(current);
            List<Clash> clashes = new ArrayList<>();
            changed.forEach((field, mine) -> {
                String original = form.was().getOrDefault(field, "");
                String now = theirs.getOrDefault(field, "");
                if (!now.equals(original) && !now.equals(mine)) {
                    clashes.add(new Clash(field, labels.getOrDefault(field, field), mine, now));
                }
            });
            if (clashes.isEmpty()) {
                return saved(save.save(current.version(), changed));
            }
            Map<String, String> values = new LinkedHashMap<>(theirs);
            values.putAll(changed);
            String who = conflict.changedByName().map(n -> n.value()).orElseGet(() -> names.of(current));
            Clashes shown = new Clashes(who, formats.ago(current.updatedAt(), Instant.now(), zone), clashes);
            return new Outcome<>(Optional.empty(), Optional.of(new EditForm(current.version(), values, theirs,
                    Optional.of(shown), Optional.empty())));
        } catch (InvalidValue refused) {
            return new Outcome<>(Optional.empty(), Optional.of(form.refused(refused.detail())));
        }
    }

    private static <T> Outcome<T> saved(T state) {
        return new Outcome<>(Optional.of(state), Optional.empty());
    }

    /** Sends the changed fields as an edit based on {@code version}. */
    @FunctionalInterface
    interface Save<T> {
        T save(long version, Map<String, String> changed);
    }

    /** Who made a state, when the conflict does not say. */
    @FunctionalInterface
    interface Names {
        String of(Versioned state);
    }

    /** Saved (with the new state), unchanged (neither), or to be shown again. */
    record Outcome<T>(Optional<T> saved, Optional<EditForm> again) {
    }

    /** One field both people changed: the label, this person's value, the other's. */
    record Clash(String field, String label, String mine, String theirs) {
    }

    /** Who saved in between and when, and the fields in question. */
    record Clashes(String who, String ago, List<Clash> fields) {
    }
}
