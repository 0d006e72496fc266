package eu.heapzilla.eventa.client.ui

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color

private val EventaLightColors = lightColorScheme(
    primary = Color(0xFF6B3FA0),
    onPrimary = Color(0xFFFFFFFF),
    secondary = Color(0xFFB5487A),
    onSecondary = Color(0xFFFFFFFF),
    background = Color(0xFFFFFBFE),
    onBackground = Color(0xFF1C1B1F),
    surface = Color(0xFFFFFBFE),
    onSurface = Color(0xFF1C1B1F),
)

/** The eventa Material 3 theme. Only a light scheme for now. */
@Composable
fun EventaTheme(content: @Composable () -> Unit) {
    MaterialTheme(colorScheme = EventaLightColors, content = content)
}
