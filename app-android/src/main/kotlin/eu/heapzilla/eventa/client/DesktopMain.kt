package eu.heapzilla.eventa.client

import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.unit.dp
import androidx.compose.ui.window.Window
import androidx.compose.ui.window.application
import androidx.compose.ui.window.rememberWindowState
import eu.heapzilla.eventa.client.ui.EventaTheme
import eu.heapzilla.eventa.client.ui.SignInScreen
import eu.heapzilla.eventa.client.ui.SignInStep

/** Desktop entry point (class `eu.heapzilla.eventa.client.DesktopMainKt`), for trying the UI on a workstation. */
fun main() = application {
    Window(
        onCloseRequest = ::exitApplication,
        title = "eventa",
        state = rememberWindowState(width = 480.dp, height = 720.dp),
    ) {
        var step by remember { mutableStateOf<SignInStep>(SignInStep.EnterEmail()) }
        EventaTheme {
            SignInScreen(
                step = step,
                onRequestLink = { email -> step = SignInStep.CheckMail(email) },
                onVerify = { token -> println("would verify $token") },
                onStartOver = { step = SignInStep.EnterEmail() },
                onTryAgain = { step = SignInStep.EnterEmail() },
            )
        }
    }
}
