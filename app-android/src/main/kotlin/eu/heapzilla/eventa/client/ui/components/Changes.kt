package eu.heapzilla.eventa.client.ui.components

/**
 * What an edit form hands back: only the fields that differ from what was shown, keyed by their wire
 * names (`"title"`, `"due_on"`, `"planned_budget_cents"`, ...). Values are String, Long or Boolean
 * (enums as their wire name, e.g. `"yes"`), and null means "clear this field" (an explicit JSON null in
 * the PATCH). The wiring adds `version` and sends it as the PATCH body; an empty map means nothing changed.
 */
typealias Changes = Map<String, Any?>

/** The entries of [after] whose value differs from [before]'s for the same key. */
internal fun changedFields(before: Map<String, Any?>, after: Map<String, Any?>): Changes =
    after.filter { (key, value) -> before[key] != value }

/** Blank text means "no value". */
internal fun String.orNullIfBlank(): String? = trim().ifEmpty { null }
