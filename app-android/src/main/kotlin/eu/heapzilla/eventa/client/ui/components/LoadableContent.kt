package eu.heapzilla.eventa.client.ui.components

import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Warning
import androidx.compose.material3.Button
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import eu.heapzilla.eventa.client.state.Loadable

/**
 * The part every data screen shares: a spinner while [state] loads, the failure's message with a Retry
 * button, or [content] under an "offline" banner when the value is only the offline copy.
 */
@Composable
internal fun <T> LoadableContent(
    state: Loadable<T>,
    tags: ScreenTags,
    onRetry: () -> Unit,
    modifier: Modifier = Modifier,
    content: @Composable (T) -> Unit,
) {
    when (state) {
        Loadable.Loading -> Box(modifier.fillMaxSize(), contentAlignment = Alignment.Center) {
            CircularProgressIndicator(Modifier.testTag(tags.LOADING))
        }
        is Loadable.Failed -> ErrorMessage(state.message, tags, onRetry, modifier)
        is Loadable.Ready -> Column(modifier.fillMaxSize()) {
            if (state.offline) OfflineBanner(Modifier.testTag(tags.OFFLINE))
            Box(Modifier.weight(1f).testTag(tags.CONTENT)) { content(state.value) }
        }
    }
}

@Composable
private fun ErrorMessage(message: String, tags: ScreenTags, onRetry: () -> Unit, modifier: Modifier) {
    Column(
        modifier.fillMaxSize().padding(32.dp).testTag(tags.ERROR),
        verticalArrangement = Arrangement.spacedBy(16.dp, Alignment.CenterVertically),
        horizontalAlignment = Alignment.CenterHorizontally,
    ) {
        Text("Something went wrong", style = MaterialTheme.typography.titleMedium)
        Text(message, textAlign = TextAlign.Center, color = MaterialTheme.colorScheme.error)
        Button(onClick = onRetry, modifier = Modifier.testTag(tags.RETRY)) { Text("Retry") }
    }
}

/** Says that what is shown is the offline copy and changes are sent when the server is back. */
@Composable
internal fun OfflineBanner(modifier: Modifier = Modifier) {
    Row(
        modifier.fillMaxWidth().background(MaterialTheme.colorScheme.tertiaryContainer).padding(12.dp, 8.dp),
        verticalAlignment = Alignment.CenterVertically,
        horizontalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Icon(Icons.Filled.Warning, contentDescription = null, tint = MaterialTheme.colorScheme.onTertiaryContainer)
        Text(
            "Offline — showing the saved copy; changes are sent when the connection is back.",
            style = MaterialTheme.typography.bodySmall,
            color = MaterialTheme.colorScheme.onTertiaryContainer,
        )
    }
}

/** A centred sentence for a list with nothing in it. */
@Composable
internal fun EmptyState(text: String, tag: String, modifier: Modifier = Modifier, hint: String? = null) {
    Column(
        modifier.fillMaxSize().padding(32.dp).testTag(tag),
        verticalArrangement = Arrangement.spacedBy(8.dp, Alignment.CenterVertically),
        horizontalAlignment = Alignment.CenterHorizontally,
    ) {
        Text(text, style = MaterialTheme.typography.titleMedium, textAlign = TextAlign.Center)
        if (hint != null) {
            Text(hint, style = MaterialTheme.typography.bodyMedium, textAlign = TextAlign.Center,
                color = MaterialTheme.colorScheme.onSurfaceVariant)
        }
    }
}
