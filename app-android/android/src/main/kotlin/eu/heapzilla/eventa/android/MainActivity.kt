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
            EventaApp(
                serverUrl = BuildConfig.EVENTA_SERVER_URL,
                vault = shell.vault,
                store = shell.store,
                verifyToken = (deepLink.value as? DeepLink.Verify)?.token,
                inviteToken = (deepLink.value as? DeepLink.Invite)?.token,
                onDeepLinkHandled = { deepLink.value = null },
                onReady = { model -> EventaShell.onPush = { eventId, _ -> model.syncNow(eventId) } },
            )
        }
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        DeepLink.of(intent)?.let { deepLink.value = it }
    }
}
