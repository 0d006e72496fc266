package eu.heapzilla.eventa.client.session

import java.nio.file.AtomicMoveNotSupportedException
import java.nio.file.Files
import java.nio.file.NoSuchFileException
import java.nio.file.Path
import java.nio.file.StandardCopyOption.ATOMIC_MOVE
import java.nio.file.StandardCopyOption.REPLACE_EXISTING
import java.nio.file.attribute.FileAttribute
import java.nio.file.attribute.PosixFilePermissions

/**
 * The desktop's [BearerVault]: one JSON file at [path], readable and writable by its owner only
 * (`rw-------` where the file system has POSIX permissions), replaced atomically on every save
 * (written to a temporary file beside it, then moved over it), so a crash never leaves half a file.
 */
class FileBearerVault(private val path: Path) : BearerVault {

    override fun load(): StoredSession? {
        val text = try {
            Files.readString(path)
        } catch (e: NoSuchFileException) {
            return null
        }
        return StoredSession.fromJson(text)
    }

    override fun save(session: StoredSession) {
        val dir = path.toAbsolutePath().parent
        Files.createDirectories(dir)
        val temp = Files.createTempFile(dir, ".${path.fileName}", ".tmp", *ownerOnly(dir))
        try {
            Files.writeString(temp, session.toJson())
            try {
                Files.move(temp, path, ATOMIC_MOVE, REPLACE_EXISTING)
            } catch (e: AtomicMoveNotSupportedException) {
                Files.move(temp, path, REPLACE_EXISTING)
            }
        } finally {
            Files.deleteIfExists(temp)
        }
    }

    override fun clear() {
        Files.deleteIfExists(path)
    }

    private fun ownerOnly(dir: Path): Array<FileAttribute<*>> =
        if ("posix" in dir.fileSystem.supportedFileAttributeViews()) {
            arrayOf(PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        } else {
            emptyArray()
        }
}
