package eu.heapzilla.eventa.client.testing

import eu.heapzilla.eventa.server.EventaServer
import jakarta.mail.Multipart
import jakarta.mail.Session
import jakarta.mail.internet.MimeMessage
import java.net.ServerSocket
import java.nio.file.Files
import java.nio.file.Path
import java.util.Properties
import kotlin.io.path.extension
import kotlin.io.path.inputStream
import kotlin.io.path.isDirectory
import kotlin.io.path.listDirectoryEntries

/**
 * A real eventa server in this JVM: embedded PostgreSQL under [dataDir], the development mailer
 * writing `.eml` files to `dataDir/mail`, HTTP on a fixed [port] so that a stopped server can be
 * started again where clients expect it.
 */
class TestServer(val dataDir: Path, val port: Int = freePort()) : AutoCloseable {

    val url: String = "http://127.0.0.1:$port"

    @Volatile
    private var server: EventaServer? = null

    init {
        start()
    }

    @Synchronized
    fun start() {
        if (server == null) {
            server = EventaServer.start(
                mapOf(
                    "EVENTA_PORT" to port.toString(),
                    "EVENTA_HOST" to "127.0.0.1",
                    "EVENTA_BASE_URL" to url,
                    "EVENTA_DATA_DIR" to dataDir.toString(),
                    // The client tests sign in and write a lot from one bearer.
                    "EVENTA_RATE_REQUESTS_PER_MINUTE" to "100000",
                    "EVENTA_RATE_LIVE_MESSAGES_PER_MINUTE" to "100000",
                ),
                dataDir.parent,
            )
        }
    }

    /** Stops HTTP and the database; [start] brings both back with the same data. */
    @Synchronized
    fun stop() {
        server?.close()
        server = null
    }

    override fun close() = stop()

    /**
     * The token of the newest sign-in link mailed to [email], read from the `.eml` the server
     * wrote with a real MIME parser (waits up to 15 s for it).
     */
    fun signInTokenMailedTo(email: String, notBefore: Set<Path> = emptySet()): String =
        linkMailedTo(email, VERIFY_LINK, notBefore)

    /** The token of the newest invite link mailed to [email]. */
    fun inviteTokenMailedTo(email: String, notBefore: Set<Path> = emptySet()): String =
        linkMailedTo(email, INVITE_LINK, notBefore)

    /** The mails written so far (to tell a new one from an old one). */
    fun mails(): Set<Path> {
        val dir = dataDir.resolve("mail")
        return if (dir.isDirectory()) dir.listDirectoryEntries("*.eml").toSet() else emptySet()
    }

    private fun linkMailedTo(email: String, link: Regex, notBefore: Set<Path>): String {
        val deadline = System.nanoTime() + 15_000_000_000L
        while (System.nanoTime() < deadline) {
            val found = (mails() - notBefore)
                .sortedByDescending { Files.getLastModifiedTime(it) }
                .firstNotNullOfOrNull { eml -> textOf(eml, email)?.let { link.find(it)?.groupValues?.get(1) } }
            if (found != null) {
                return found
            }
            Thread.sleep(20)
        }
        throw AssertionError("no mail with a link to $email in ${dataDir.resolve("mail")}")
    }

    private fun textOf(eml: Path, email: String): String? {
        if (eml.extension != "eml") return null
        eml.inputStream().use { input ->
            val message = MimeMessage(Session.getInstance(Properties()), input)
            if (message.allRecipients.none { it.toString().equals(email, ignoreCase = true) }) return null
            val parts = message.content as Multipart
            return (0 until parts.count).map { parts.getBodyPart(it) }
                .firstOrNull { it.isMimeType("text/plain") }?.content as String?
        }
    }

    companion object {
        private val VERIFY_LINK = Regex("/verify\\?token=([A-Za-z0-9_-]{43})")
        private val INVITE_LINK = Regex("/invite\\?token=([A-Za-z0-9_-]{43})")

        fun freePort(): Int = ServerSocket(0).use { it.localPort }
    }
}
