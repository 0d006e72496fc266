package eu.heapzilla.eventa.client.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Add
import androidx.compose.material.icons.filled.Delete
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.ExtendedFloatingActionButton
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import eu.heapzilla.eventa.client.api.BudgetItem
import eu.heapzilla.eventa.client.api.BudgetItemCreate
import eu.heapzilla.eventa.client.api.BudgetSummary
import eu.heapzilla.eventa.client.state.Loadable
import eu.heapzilla.eventa.client.ui.components.Changes
import eu.heapzilla.eventa.client.ui.components.EmptyState
import eu.heapzilla.eventa.client.ui.components.EventaScaffold
import eu.heapzilla.eventa.client.ui.components.LoadableContent
import eu.heapzilla.eventa.client.ui.components.ScreenTags
import eu.heapzilla.eventa.client.ui.components.SectionHeader
import eu.heapzilla.eventa.client.ui.components.rememberPendingDelete

/** The budget: the server's summary and the items. */
data class BudgetData(val summary: BudgetSummary, val items: List<BudgetItem>)

/** What [BudgetScreen] shows; [canEdit] from the person's role. */
data class BudgetState(val data: Loadable<BudgetData>, val canEdit: Boolean = true)

/** Test tags of [BudgetScreen] and its item dialog. */
object BudgetTags : ScreenTags("budget") {
    const val SUMMARY = "budget.summary"
    const val OVER_BUDGET = "budget.overBudget"
    const val REMAINING = "budget.remaining"
    const val ADD = "budget.add"
    const val DIALOG = "budget.dialog"
    const val CATEGORY = "budget.dialog.category"
    const val TITLE = "budget.dialog.title"
    const val VENDOR = "budget.dialog.vendor"
    const val ESTIMATED = "budget.dialog.estimated"
    const val ACTUAL = "budget.dialog.actual"
    const val PAID = "budget.dialog.paid"
    const val DUE = "budget.dialog.due"
    const val SAVE = "budget.dialog.save"
    fun category(name: String) = "budget.category.$name"
    fun item(id: String) = "budget.item.$id"
    fun attachReceipt(id: String) = "budget.item.$id.attach"
    fun delete(id: String) = "budget.item.$id.delete"
}

/**
 * The budget: summary, per-category totals and the items. Tapping an item edits it ([onUpdateItem] with
 * [Changes] of `category`, `title`, `vendor`, `estimated_cents`, `actual_cents`, `paid_cents`, `due_on`),
 * "Attach receipt" calls [onAttachReceipt] (the wiring opens a file chooser), delete asks first.
 */
@Composable
fun BudgetScreen(
    state: BudgetState,
    onAddItem: (BudgetItemCreate) -> Unit,
    onUpdateItem: (BudgetItem, Changes) -> Unit,
    onDeleteItem: (BudgetItem) -> Unit,
    onAttachReceipt: (BudgetItem) -> Unit,
    onBack: () -> Unit,
    onRetry: () -> Unit,
    modifier: Modifier = Modifier,
) {
    var editing by remember { mutableStateOf<ItemDialogTarget?>(null) }
    val pendingDelete = rememberPendingDelete<BudgetItem>()
    val data = state.data.valueOrNull()
    EventaScaffold(
        title = "Budget",
        tags = BudgetTags,
        onBack = onBack,
        modifier = modifier,
        floatingActionButton = {
            if (state.canEdit && data != null) {
                ExtendedFloatingActionButton(
                    onClick = { editing = ItemDialogTarget(null) },
                    icon = { Icon(Icons.Filled.Add, contentDescription = null) },
                    text = { Text("Add item") },
                    modifier = Modifier.testTag(BudgetTags.ADD),
                )
            }
        },
    ) {
        LoadableContent(state.data, BudgetTags, onRetry) { budget ->
            LazyColumn {
                item { Summary(budget.summary) }
                if (budget.items.isEmpty()) {
                    item { EmptyState("No budget items yet", BudgetTags.EMPTY, hint = "Add the venue, the caterer, the flowers…") }
                } else {
                    item { Categories(budget.summary) }
                    item { SectionHeader("Items", count = budget.items.size) }
                    items(budget.items.sortedWith(compareBy({ it.category }, { it.title })), key = { it.id }) { item ->
                        ItemRow(item, budget.summary.currency, state.canEdit,
                            onEdit = { editing = ItemDialogTarget(it) }, onAttachReceipt, onDelete = pendingDelete::ask)
                        HorizontalDivider()
                    }
                }
            }
        }
    }
    val target = editing
    if (target != null && data != null) {
        BudgetItemDialog(
            item = target.item,
            onCreate = { editing = null; onAddItem(it) },
            onUpdate = { item, changes -> editing = null; onUpdateItem(item, changes) },
            onDismiss = { editing = null },
        )
    }
    pendingDelete.Host(name = { it.title }, onDelete = onDeleteItem)
}

/** The item dialog's subject: null for a new item. */
private data class ItemDialogTarget(val item: BudgetItem?)

@Composable
private fun Summary(summary: BudgetSummary) {
    val locale = LocalAppLocale.current
    val money = { cents: Long -> Formats.money(cents, summary.currency, locale) }
    Card(
        modifier = Modifier.fillMaxWidth().padding(16.dp).testTag(BudgetTags.SUMMARY),
        colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.primaryContainer),
    ) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            AmountLine("Planned", summary.plannedCents?.let(money) ?: "not set")
            AmountLine("Expected", money(summary.overall.expectedCents))
            AmountLine("Paid", money(summary.overall.paidCents))
            AmountLine("Still to pay", money(summary.overall.stillToPayCents))
            val remaining = summary.remainingCents
            when {
                summary.overBudget -> Text(
                    "Over budget by ${money(-(remaining ?: 0))}",
                    color = MaterialTheme.colorScheme.error, fontWeight = FontWeight.Bold,
                    modifier = Modifier.testTag(BudgetTags.OVER_BUDGET),
                )
                remaining != null -> Text("${money(remaining)} left to plan", fontWeight = FontWeight.Bold,
                    modifier = Modifier.testTag(BudgetTags.REMAINING))
            }
        }
    }
}

@Composable
private fun AmountLine(label: String, amount: String) {
    Row(Modifier.fillMaxWidth()) {
        Text(label, modifier = Modifier.weight(1f))
        Text(amount, fontWeight = FontWeight.Medium)
    }
}

@Composable
private fun Categories(summary: BudgetSummary) {
    val locale = LocalAppLocale.current
    Column {
        SectionHeader("By category", count = summary.categories.size)
        summary.categories.forEach { category ->
            Row(Modifier.fillMaxWidth().padding(16.dp, 4.dp).testTag(BudgetTags.category(category.category))) {
                Text(category.category, modifier = Modifier.weight(1f))
                Text(Formats.money(category.expectedCents, summary.currency, locale))
            }
        }
    }
}

@Composable
private fun ItemRow(
    item: BudgetItem,
    currency: String,
    canEdit: Boolean,
    onEdit: (BudgetItem) -> Unit,
    onAttachReceipt: (BudgetItem) -> Unit,
    onDelete: (BudgetItem) -> Unit,
) {
    val locale = LocalAppLocale.current
    val money = { cents: Long -> Formats.money(cents, item.currency ?: currency, locale) }
    Column(
        Modifier.fillMaxWidth().clickable(enabled = canEdit) { onEdit(item) }.padding(16.dp, 8.dp).testTag(BudgetTags.item(item.id)),
    ) {
        Row {
            Column(Modifier.weight(1f)) {
                Text(item.title, style = MaterialTheme.typography.titleMedium)
                Text(listOfNotNull(item.category, item.vendor).joinToString(" · "),
                    style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.onSurfaceVariant)
            }
            if (canEdit) {
                IconButton(onClick = { onDelete(item) }, modifier = Modifier.testTag(BudgetTags.delete(item.id))) {
                    Icon(Icons.Filled.Delete, contentDescription = "Delete ${item.title}")
                }
            }
        }
        Text(
            "Estimate ${money(item.estimatedCents)} · Actual ${item.actualCents?.let(money) ?: "—"} · Paid ${money(item.paidCents)}",
            style = MaterialTheme.typography.bodyMedium,
        )
        Row(verticalAlignment = androidx.compose.ui.Alignment.CenterVertically) {
            Text(receiptsLabel(item.receipts.size), style = MaterialTheme.typography.bodySmall, modifier = Modifier.weight(1f))
            if (canEdit) {
                TextButton(onClick = { onAttachReceipt(item) }, modifier = Modifier.testTag(BudgetTags.attachReceipt(item.id))) {
                    Text("Attach receipt")
                }
            }
        }
    }
}

/** "No receipts", "1 receipt", "3 receipts". */
internal fun receiptsLabel(count: Int): String = when (count) {
    0 -> "No receipts"
    1 -> "1 receipt"
    else -> "$count receipts"
}
