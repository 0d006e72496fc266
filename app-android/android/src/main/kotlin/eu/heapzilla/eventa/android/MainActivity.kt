package eu.heapzilla.eventa.android

import android.content.Intent
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.compose.runtime.mutableStateOf
import eu.heapzilla.eventa.client.ui.EventaApp

/**
 * The app's only activity: hosts the shared [EventaApp] composable and hands it the sign-in or
 * invite token of the link that opened (or re-opened) the app.
 */
class MainActivity : ComponentActivity() {

    private val deepLink = mutableStateOf<DeepLink?>(null)

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        deepLink.value = DeepLink.of(intent)
        val shell = EventaShell.of(this)
        setContent {
            // EventaApp is written by the client's wiring; this is the call the shell expects (see README.md).
            EventaApp(
                vault = shell.vault,
                store = shell.store,
                verifyToken = (deepLink.value as? DeepLink.Verify)?.token,
                inviteToken = (deepLink.value as? DeepLink.Invite)?.token,
                onDeepLinkHandled = { deepLink.value = null },
            )
        }
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        DeepLink.of(intent)?.let { deepLink.value = it }
    }
}
