package eu.heapzilla.eventa.client.session

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** [FileBearerVault] on the real file system. */
class FileBearerVaultTest {

    @TempDir
    lateinit var dir: Path

    private val session = StoredSession("https://eventa.example.org", "b3arer-secret", "u-1", "jane@example.org", "Jane")

    private val file get() = dir.resolve("config/eventa/session.json")

    @Test
    fun savesAndLoadsTheSessionCreatingTheFolder() {
        FileBearerVault(file).save(session)
        assertEquals(session, FileBearerVault(file).load())
    }

    @Test
    fun aSecondSaveReplacesTheFirstAndLeavesNoTemporaryFile() {
        val vault = FileBearerVault(file)
        vault.save(session)
        vault.save(session.copy(bearer = "n3w", displayName = null))
        assertEquals(session.copy(bearer = "n3w", displayName = null), vault.load())
        assertEquals(listOf("session.json"), Files.list(file.parent).use { files -> files.map { it.fileName.toString() }.toList() })
    }

    @Test
    fun onlyTheOwnerCanReadOrWriteTheFile() {
        FileBearerVault(file).save(session)
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
    }

    @Test
    fun clearDeletesTheFile() {
        val vault = FileBearerVault(file)
        vault.save(session)
        vault.clear()
        assertFalse(Files.exists(file))
        assertNull(vault.load())
        vault.clear()
    }

    @Test
    fun nothingStoredOrACorruptFileLoadsAsNull() {
        assertNull(FileBearerVault(file).load())
        Files.createDirectories(file.parent)
        Files.writeString(file, "{\"server_url\": \"https://eventa.example.org\", \"bear")
        assertNull(FileBearerVault(file).load())
        Files.writeString(file, "{\"server_url\": \"https://eventa.example.org\"}")
        assertNull(FileBearerVault(file).load())
    }

    @Test
    fun theBearerIsNotInTheSessionsText() {
        assertFalse("b3arer-secret" in session.toString())
    }
}
