package eu.heapzilla.eventa.client.ui.components

import androidx.compose.material3.AlertDialog
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.MutableState
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag

/** Asks "Delete 'X'?" before anything is deleted: Delete calls [onConfirm], Cancel or dismissing calls [onDismiss]. */
@Composable
fun ConfirmDeleteDialog(name: String, onConfirm: () -> Unit, onDismiss: () -> Unit, detail: String? = null) {
    AlertDialog(
        onDismissRequest = onDismiss,
        modifier = Modifier.testTag(ConfirmDeleteTags.DIALOG),
        title = { Text("Delete '$name'?") },
        text = detail?.let { { Text(it) } },
        confirmButton = {
            TextButton(onClick = onConfirm, modifier = Modifier.testTag(ConfirmDeleteTags.CONFIRM)) {
                Text("Delete", color = MaterialTheme.colorScheme.error)
            }
        },
        dismissButton = {
            TextButton(onClick = onDismiss, modifier = Modifier.testTag(ConfirmDeleteTags.CANCEL)) { Text("Cancel") }
        },
    )
}

/**
 * Holds the item waiting for confirmation; [Host] shows the dialog while there is one and calls
 * [onDelete] only after Delete is pressed.
 */
internal class PendingDelete<T>(private val state: MutableState<T?>) {
    fun ask(item: T) {
        state.value = item
    }

    @Composable
    fun Host(name: (T) -> String, onDelete: (T) -> Unit) {
        val item = state.value ?: return
        ConfirmDeleteDialog(
            name = name(item),
            onConfirm = {
                state.value = null
                onDelete(item)
            },
            onDismiss = { state.value = null },
        )
    }
}

@Composable
internal fun <T> rememberPendingDelete(): PendingDelete<T> {
    val state = remember { mutableStateOf<T?>(null) }
    return remember(state) { PendingDelete(state) }
}
