package eu.heapzilla.eventa.client.ui

import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import eu.heapzilla.eventa.client.api.BudgetItem
import eu.heapzilla.eventa.client.api.BudgetItemCreate
import eu.heapzilla.eventa.client.ui.components.Changes
import eu.heapzilla.eventa.client.ui.components.DateField
import eu.heapzilla.eventa.client.ui.components.FormDialog
import eu.heapzilla.eventa.client.ui.components.LabeledField
import eu.heapzilla.eventa.client.ui.components.changedFields
import eu.heapzilla.eventa.client.ui.components.isBlankOrIsoDate
import eu.heapzilla.eventa.client.ui.components.orNullIfBlank

/** The budget item dialog's fields as typed (amounts in major units, e.g. "1234.56"). */
internal data class BudgetItemForm(
    val category: String = "",
    val title: String = "",
    val vendor: String = "",
    val estimated: String = "",
    val actual: String = "",
    val paid: String = "",
    val dueOn: String = "",
) {
    private fun amountOk(text: String) = text.isBlank() || Formats.parseCents(text) != null

    val isValid: Boolean
        get() = category.isNotBlank() && title.isNotBlank() && amountOk(estimated) && amountOk(actual) &&
            amountOk(paid) && isBlankOrIsoDate(dueOn)

    fun toFields(): Map<String, Any?> = mapOf(
        "category" to category.trim(),
        "title" to title.trim(),
        "vendor" to vendor.orNullIfBlank(),
        "estimated_cents" to (estimated.orNullIfBlank()?.let(Formats::parseCents) ?: 0L),
        "actual_cents" to actual.orNullIfBlank()?.let(Formats::parseCents),
        "paid_cents" to (paid.orNullIfBlank()?.let(Formats::parseCents) ?: 0L),
        "due_on" to dueOn.orNullIfBlank(),
    )

    fun toCreate(): BudgetItemCreate {
        val f = toFields()
        return BudgetItemCreate(
            category = category.trim(), title = title.trim(), vendor = vendor.orNullIfBlank(),
            estimatedCents = f["estimated_cents"] as Long, actualCents = f["actual_cents"] as Long?,
            paidCents = f["paid_cents"] as Long, dueOn = dueOn.orNullIfBlank(),
        )
    }

    companion object {
        fun of(item: BudgetItem) = BudgetItemForm(
            category = item.category,
            title = item.title,
            vendor = item.vendor.orEmpty(),
            estimated = Formats.centsInput(item.estimatedCents),
            actual = item.actualCents?.let(Formats::centsInput).orEmpty(),
            paid = Formats.centsInput(item.paidCents),
            dueOn = item.dueOn.orEmpty(),
        )
    }
}

/** Adds a budget item ([item] null → [onCreate]) or edits one ([onUpdate] with only the changed fields). */
@Composable
internal fun BudgetItemDialog(
    item: BudgetItem?,
    onCreate: (BudgetItemCreate) -> Unit,
    onUpdate: (BudgetItem, Changes) -> Unit,
    onDismiss: () -> Unit,
) {
    var form by remember(item) { mutableStateOf(item?.let(BudgetItemForm::of) ?: BudgetItemForm()) }
    val amountError = { text: String -> if (text.isBlank() || Formats.parseCents(text) != null) null else "An amount such as 1250.00" }
    FormDialog(
        title = if (item == null) "Add budget item" else "Edit budget item",
        tag = BudgetTags.DIALOG,
        saveTag = BudgetTags.SAVE,
        canSave = form.isValid,
        onSave = {
            if (item == null) onCreate(form.toCreate()) else onUpdate(item, changedFields(BudgetItemForm.of(item).toFields(), form.toFields()))
        },
        onDismiss = onDismiss,
    ) {
        LabeledField("Category", form.category, { form = form.copy(category = it) }, BudgetTags.CATEGORY, placeholder = "Venue")
        LabeledField("Title", form.title, { form = form.copy(title = it) }, BudgetTags.TITLE)
        LabeledField("Vendor", form.vendor, { form = form.copy(vendor = it) }, BudgetTags.VENDOR)
        LabeledField("Estimate", form.estimated, { form = form.copy(estimated = it) }, BudgetTags.ESTIMATED, error = amountError(form.estimated))
        LabeledField("Actual", form.actual, { form = form.copy(actual = it) }, BudgetTags.ACTUAL, error = amountError(form.actual))
        LabeledField("Paid", form.paid, { form = form.copy(paid = it) }, BudgetTags.PAID, error = amountError(form.paid))
        DateField("Due on", form.dueOn, { form = form.copy(dueOn = it) }, BudgetTags.DUE)
    }
}
