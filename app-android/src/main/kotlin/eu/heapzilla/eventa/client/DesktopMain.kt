package eu.heapzilla.eventa.client

import androidx.compose.ui.unit.dp
import androidx.compose.ui.window.Window
import androidx.compose.ui.window.application
import androidx.compose.ui.window.rememberWindowState
import eu.heapzilla.eventa.client.ui.EventaTheme
import eu.heapzilla.eventa.client.ui.WelcomeScreen

/** Desktop entry point (class `eu.heapzilla.eventa.client.DesktopMainKt`), for trying the UI on a workstation. */
fun main() = application {
    Window(
        onCloseRequest = ::exitApplication,
        title = "eventa",
        state = rememberWindowState(width = 480.dp, height = 720.dp),
    ) {
        EventaTheme {
            WelcomeScreen(onSubmit = { email -> println("sign-in link requested for $email") })
        }
    }
}
