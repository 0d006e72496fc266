package eu.heapzilla.eventa.client.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.unit.dp
import eu.heapzilla.eventa.client.conflict.PatchOutcome
import java.time.Instant
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonPrimitive

/** Test tags of [ConflictDialog]'s nodes; a field's rows are tagged with its JSON name appended. */
object ConflictTags {
    const val DIALOG = "conflict.dialog"
    const val DESCRIPTION = "conflict.description"
    const val YOURS = "conflict.yours."
    const val THEIRS = "conflict.theirs."
    const val KEEP_MINE = "conflict.keepMine"
    const val KEEP_THEIRS = "conflict.keepTheirs"
}

/**
 * Asks the person what to do when someone else changed the same field meanwhile: who and when
 * ("Gerda changed this 5 s ago"), then per field their value and ours, and two ways out. The
 * caller runs [PatchOutcome.Conflict.keepMine] or [PatchOutcome.Conflict.keepTheirs] on the choice;
 * dismissing the dialog counts as keeping theirs (nothing is sent).
 */
@Composable
fun ConflictDialog(
    conflict: PatchOutcome.Conflict<*>,
    now: Instant,
    onKeepMine: () -> Unit,
    onKeepTheirs: () -> Unit,
) {
    AlertDialog(
        onDismissRequest = onKeepTheirs,
        modifier = Modifier.testTag(ConflictTags.DIALOG),
        title = { Text(conflict.describe(now), modifier = Modifier.testTag(ConflictTags.DESCRIPTION)) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(12.dp)) {
                conflict.theirs.forEach { (field, theirs) ->
                    Column {
                        Text(fieldLabel(field), style = MaterialTheme.typography.titleSmall)
                        Text("Yours: ${shown(conflict.mine[field])}", modifier = Modifier.testTag(ConflictTags.YOURS + field))
                        Text("Theirs: ${shown(theirs)}", modifier = Modifier.testTag(ConflictTags.THEIRS + field))
                    }
                }
            }
        },
        confirmButton = {
            TextButton(onClick = onKeepMine, modifier = Modifier.testTag(ConflictTags.KEEP_MINE)) { Text("Keep mine") }
        },
        dismissButton = {
            TextButton(onClick = onKeepTheirs, modifier = Modifier.testTag(ConflictTags.KEEP_THEIRS)) { Text("Keep theirs") }
        },
    )
}

/** `due_on` → "Due on". */
internal fun fieldLabel(field: String): String = field.replace('_', ' ').replaceFirstChar { it.uppercase() }

private fun shown(value: JsonElement?): String = when (value) {
    null, JsonNull -> "(empty)"
    is JsonPrimitive -> value.content
    else -> value.toString()
}
