package eu.heapzilla.eventa.client.android

import eu.heapzilla.eventa.client.session.BearerVault
import eu.heapzilla.eventa.client.store.Store
import java.nio.file.Files
import java.nio.file.Path
import javax.xml.parsers.DocumentBuilderFactory
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.w3c.dom.Element
import org.w3c.dom.Node

/**
 * The Android shell (`app-android/android`) cannot be built here (no Android SDK); these cheap
 * checks keep it from drifting away from the shared code: its manifest still declares the deep
 * links and the push service, its Store and BearerVault still implement every method, and its
 * Kotlin version is the one Maven compiles the shared code with.
 */
class AndroidShellTest {

    private val shell: Path = Path.of("android")
    private val sources: Path = shell.resolve("src/main/kotlin/eu/heapzilla/eventa/android")

    private val manifest: Element by lazy {
        val factory = DocumentBuilderFactory.newInstance().apply { isNamespaceAware = true }
        factory.newDocumentBuilder().parse(shell.resolve("src/main/AndroidManifest.xml").toFile()).documentElement
    }

    private fun Element.children(tag: String): List<Element> =
        (0 until childNodes.length).map { childNodes.item(it) }
            .filter { it.nodeType == Node.ELEMENT_NODE && it.nodeName == tag }.map { it as Element }

    private fun Element.android(name: String): String = getAttributeNS(ANDROID, name)

    private fun component(tag: String, name: String): Element =
        manifest.children("application").single().children(tag).single { it.android("name") == name }

    @Test
    fun theManifestAsksForTheInternet() {
        assertTrue(manifest.children("uses-permission").any { it.android("name") == "android.permission.INTERNET" })
    }

    @Test
    fun theActivityOpensTheSignInAndInviteLinks() {
        val activity = component("activity", ".MainActivity")
        assertEquals("true", activity.android("exported"))
        val links = activity.children("intent-filter")
            .filter { filter -> filter.children("action").any { it.android("name") == "android.intent.action.VIEW" } }
            .onEach { filter ->
                assertTrue(filter.children("category").any { it.android("name") == "android.intent.category.BROWSABLE" })
            }
            .flatMap { it.children("data") }
            .map { it.android("scheme") + "://" + it.android("host") }
        assertEquals(setOf("eventa://verify", "eventa://invite"), links.toSet())
    }

    @Test
    fun theMessagingServiceReceivesFirebaseMessages() {
        val service = component("service", ".EventaMessagingService")
        val actions = service.children("intent-filter").flatMap { it.children("action") }.map { it.android("name") }
        assertEquals(listOf("com.google.firebase.MESSAGING_EVENT"), actions)
        assertTrue(Files.exists(sources.resolve("EventaMessagingService.kt")))
    }

    @Test
    fun roomStoreImplementsEveryStoreMethod() {
        assertDeclaresEvery(Store::class.java, "RoomStore.kt", "class RoomStore(")
    }

    @Test
    fun encryptedBearerVaultImplementsEveryVaultMethod() {
        assertDeclaresEvery(BearerVault::class.java, "EncryptedBearerVault.kt", "class EncryptedBearerVault(")
    }

    @Test
    fun theShellCompilesTheSharedSourcesWithMavensKotlin() {
        val gradle = Files.readString(shell.resolve("build.gradle.kts"))
        val kotlin = Regex("<kotlin.version>([^<]+)</kotlin.version>").find(Files.readString(Path.of("pom.xml")))!!.groupValues[1]
        for (plugin in listOf("org.jetbrains.kotlin.android", "org.jetbrains.kotlin.plugin.compose", "org.jetbrains.kotlin.plugin.serialization")) {
            assertTrue(gradle.contains("id(\"$plugin\") version \"$kotlin\""), "$plugin at Kotlin $kotlin")
        }
        assertTrue(gradle.contains("\"../src/main/kotlin\""), "the shared sources are a source directory")
        assertTrue(Files.isDirectory(shell.resolve("../src/main/kotlin/eu/heapzilla/eventa/client")))
    }

    private fun assertDeclaresEvery(type: Class<*>, file: String, declaration: String) {
        val source = Files.readString(sources.resolve(file))
        assertTrue(source.contains(declaration), declaration)
        val required = type.methods.filter { !it.isSynthetic && !it.isDefault }.map { it.name }.toSortedSet()
        val declared = Regex("override fun (?:<[^>]+> )?(\\w+)\\(").findAll(source).map { it.groupValues[1] }.toSortedSet()
        assertEquals(required, declared, "$file overrides exactly the methods of ${type.simpleName}")
    }

    private companion object {
        const val ANDROID = "http://schemas.android.com/apk/res/android"
    }
}
