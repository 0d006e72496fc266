package eu.heapzilla.eventa.client.app

import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import eu.heapzilla.eventa.client.api.ApiClient
import eu.heapzilla.eventa.client.api.BudgetItemCreate
import eu.heapzilla.eventa.client.api.EventCreate
import eu.heapzilla.eventa.client.session.FileBearerVault
import eu.heapzilla.eventa.client.store.SqliteStore
import eu.heapzilla.eventa.client.sync.Device
import eu.heapzilla.eventa.client.testing.TestServer
import eu.heapzilla.eventa.client.testing.awaitTag
import eu.heapzilla.eventa.client.testing.awaitText
import eu.heapzilla.eventa.client.testing.signIn
import eu.heapzilla.eventa.client.ui.BudgetTags
import eu.heapzilla.eventa.client.ui.DashboardTags
import eu.heapzilla.eventa.client.ui.EventaApp
import java.awt.image.BufferedImage
import java.io.ByteArrayOutputStream
import java.nio.file.Files
import java.security.MessageDigest
import javax.imageio.ImageIO
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.runBlocking
import org.junit.After
import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Before
import org.junit.Rule
import org.junit.Test

/**
 * "Attach receipt" on the budget screen: the platform's file picker (here a function handing
 * over a real PNG) gives the bytes, the server stores them, and the item shows its receipt.
 */
class ReceiptUploadUiTest {

    @get:Rule
    val compose = createComposeRule()

    private val dir = Files.createTempDirectory("eventa-receipt-ui")
    private lateinit var server: TestServer
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    private val store = SqliteStore.inMemory()

    @Before
    fun start() {
        server = TestServer(dir.resolve("server"))
    }

    @After
    fun stop() {
        scope.cancel()
        store.close()
        server.close()
        dir.toFile().deleteRecursively()
    }

    @Test
    fun aPickedFileIsUploadedToTheItemAndItsReceiptShows() {
        val bearer = Device.signIn(server, "lea@example.org")
        val api = ApiClient(server.url, bearer = { bearer }).api
        val vault = FileBearerVault(dir.resolve("client/session.json"))
        vault.signIn(server, bearer)
        val (eventId, itemId) = runBlocking {
            val event = api.createEvent(EventCreate(title = "Lea's wedding"))
            event.id to api.createBudgetItem(event.id, BudgetItemCreate("Flowers", "Bouquets", estimatedCents = 45_000)).id
        }
        val png = pngBytes()
        val model = AppModel(server.url, vault, store, scope)
        compose.setContent { EventaApp(model, pickFile = { PickedFile("florist.png", PickedFile.mediaTypeOf("florist.png"), png) }) }
        model.open(eventId)

        compose.awaitTag(DashboardTags.BUDGET_CARD)
        compose.onNodeWithTag(DashboardTags.BUDGET_CARD).performScrollTo().performClick()
        compose.awaitTag(BudgetTags.attachReceipt(itemId))
        compose.awaitText("No receipts")
        compose.onNodeWithTag(BudgetTags.attachReceipt(itemId)).performScrollTo().performClick()
        compose.awaitText("1 receipt")

        val receipt = runBlocking { api.budgetItem(eventId, itemId) }.receipts.single()
        assertEquals("florist.png", receipt.fileName)
        assertEquals("image/png", receipt.mediaType)
        assertEquals(sha256(png), receipt.sha256)
        assertArrayEquals(png, runBlocking { api.receipt(eventId, receipt.id).bytes() })
    }

    private fun pngBytes(): ByteArray {
        val image = BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB).apply { setRGB(3, 4, 0x6A3FA0) }
        return ByteArrayOutputStream().also { ImageIO.write(image, "png", it) }.toByteArray()
    }

    private fun sha256(bytes: ByteArray) = MessageDigest.getInstance("SHA-256").digest(bytes).joinToString("") { "%02x".format(it) }
}
