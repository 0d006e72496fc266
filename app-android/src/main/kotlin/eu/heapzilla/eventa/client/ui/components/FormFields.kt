package eu.heapzilla.eventa.client.ui.components

import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.Checkbox
import androidx.compose.material3.DropdownMenu
import androidx.compose.material3.DropdownMenuItem
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import java.time.LocalDate
import java.time.format.DateTimeParseException

/** Whether [text] is empty or an ISO date (YYYY-MM-DD), the only shape date fields accept. */
internal fun isBlankOrIsoDate(text: String): Boolean =
    text.isBlank() || try {
        LocalDate.parse(text.trim())
        true
    } catch (_: DateTimeParseException) {
        false
    }

/** A one-line text field with a label, full width, tagged [tag]; shows [error] under it when not null. */
@Composable
internal fun LabeledField(
    label: String,
    value: String,
    onValueChange: (String) -> Unit,
    tag: String,
    modifier: Modifier = Modifier,
    error: String? = null,
    placeholder: String? = null,
    singleLine: Boolean = true,
) {
    OutlinedTextField(
        value = value,
        onValueChange = onValueChange,
        label = { Text(label) },
        placeholder = placeholder?.let { { Text(it) } },
        isError = error != null,
        supportingText = error?.let { { Text(it) } },
        singleLine = singleLine,
        minLines = if (singleLine) 1 else 2,
        modifier = modifier.fillMaxWidth().testTag(tag),
    )
}

/** A date typed as YYYY-MM-DD (blank allowed), with an error under it while it is not one. */
@Composable
internal fun DateField(label: String, value: String, onValueChange: (String) -> Unit, tag: String) {
    LabeledField(
        label = label,
        value = value,
        onValueChange = onValueChange,
        tag = tag,
        placeholder = "YYYY-MM-DD",
        error = if (isBlankOrIsoDate(value)) null else "Use the form 2027-06-12",
    )
}

/**
 * A button showing the chosen option's label that opens a menu of [options]; the menu item of option
 * `o` is tagged `optionTag(o)`.
 */
@Composable
internal fun <T> ChoiceField(
    label: String,
    selected: T,
    options: List<T>,
    optionLabel: (T) -> String,
    onSelect: (T) -> Unit,
    tag: String,
    optionTag: (T) -> String,
    modifier: Modifier = Modifier,
    fillWidth: Boolean = true,
) {
    var open by remember { mutableStateOf(false) }
    Box(modifier) {
        OutlinedButton(onClick = { open = true }, modifier = (if (fillWidth) Modifier.fillMaxWidth() else Modifier).testTag(tag)) {
            Text("$label: ${optionLabel(selected)}")
        }
        DropdownMenu(expanded = open, onDismissRequest = { open = false }) {
            options.forEach { option ->
                DropdownMenuItem(
                    text = { Text(optionLabel(option)) },
                    onClick = {
                        open = false
                        onSelect(option)
                    },
                    modifier = Modifier.testTag(optionTag(option)),
                )
            }
        }
    }
}

/** A checkbox with its label, tagged [tag] on the checkbox. */
@Composable
internal fun LabeledCheckbox(label: String, checked: Boolean, onCheckedChange: (Boolean) -> Unit, tag: String) {
    Row(verticalAlignment = Alignment.CenterVertically) {
        Checkbox(checked = checked, onCheckedChange = onCheckedChange, modifier = Modifier.testTag(tag))
        Text(label)
    }
}
