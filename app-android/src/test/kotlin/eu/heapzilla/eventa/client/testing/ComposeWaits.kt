package eu.heapzilla.eventa.client.testing

import androidx.compose.ui.test.hasTestTag
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.junit4.ComposeContentTestRule
import androidx.compose.ui.test.onRoot
import androidx.compose.ui.test.printToString
import eu.heapzilla.eventa.client.api.ApiClient
import eu.heapzilla.eventa.client.session.BearerVault
import eu.heapzilla.eventa.client.session.StoredSession
import kotlinx.coroutines.runBlocking

// Waits for the app-level UI tests, on the wall clock: Compose desktop's `waitUntil` polls the
// test clock while it renders, and here it never gave up on a condition that stayed false.

private const val DEFAULT_SECONDS = 15L

/** Polls [value] until it answers non-null (or fails after [seconds], naming [what]). */
internal fun <T : Any> awaitValue(what: String, seconds: Long = DEFAULT_SECONDS, value: () -> T?): T {
    val deadline = System.nanoTime() + seconds * 1_000_000_000L
    while (true) {
        value()?.let { return it }
        if (System.nanoTime() > deadline) throw AssertionError("timed out after $seconds s waiting for $what")
        Thread.sleep(25)
    }
}

internal fun awaitTrue(what: String, seconds: Long = DEFAULT_SECONDS, condition: () -> Boolean) {
    awaitValue(what, seconds) { if (condition()) Unit else null }
}

/** Waits until [condition] holds on the shown UI; a timeout prints the semantics tree. */
internal fun ComposeContentTestRule.awaitUi(what: String, condition: ComposeContentTestRule.() -> Boolean) {
    try {
        awaitTrue(what) { condition() }
    } catch (timeout: AssertionError) {
        throw AssertionError("${timeout.message} on:\n" + onRoot().printToString(maxDepth = 8))
    }
}

internal fun ComposeContentTestRule.awaitTag(tag: String) =
    awaitUi("tag $tag") { onAllNodes(hasTestTag(tag)).fetchSemanticsNodes().isNotEmpty() }

internal fun ComposeContentTestRule.awaitGone(tag: String) =
    awaitUi("tag $tag to go") { onAllNodes(hasTestTag(tag)).fetchSemanticsNodes().isEmpty() }

internal fun ComposeContentTestRule.awaitText(text: String) =
    awaitUi("text '$text'") { onAllNodes(hasText(text), useUnmergedTree = true).fetchSemanticsNodes().isNotEmpty() }

internal fun ComposeContentTestRule.assertNoTag(tag: String) {
    if (onAllNodes(hasTestTag(tag)).fetchSemanticsNodes().isNotEmpty()) {
        throw AssertionError("$tag is shown:\n" + onRoot().printToString(maxDepth = 8))
    }
}

/** Puts [bearer]'s person into [vault], as a sign-in on this device would. */
internal fun BearerVault.signIn(server: TestServer, bearer: String) = runBlocking {
    val me = ApiClient(server.url, bearer = { bearer }).api.me().user
    save(StoredSession(server.url, bearer, me.id, me.email))
}
