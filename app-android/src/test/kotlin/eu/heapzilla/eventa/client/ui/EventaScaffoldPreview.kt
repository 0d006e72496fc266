package eu.heapzilla.eventa.client.ui

import androidx.compose.runtime.Composable
import eu.heapzilla.eventa.client.ui.components.EventaScaffold
import eu.heapzilla.eventa.client.ui.components.ScreenTags

private object PreviewTags : ScreenTags("preview")

/** Frames a screen part (e.g. an editor normally reached by a tap) with the top bar, for screenshots. */
@Composable
internal fun EventaScaffoldPreview(title: String, body: @Composable () -> Unit) =
    EventaScaffold(title = title, tags = PreviewTags, onBack = {}, body = body)
