package eu.heapzilla.eventa.client

import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.unit.dp
import androidx.compose.ui.window.Window
import androidx.compose.ui.window.application
import androidx.compose.ui.window.rememberWindowState
import eu.heapzilla.eventa.client.app.AppModel
import eu.heapzilla.eventa.client.app.PickedFile
import eu.heapzilla.eventa.client.session.FileBearerVault
import eu.heapzilla.eventa.client.store.SqliteStore
import eu.heapzilla.eventa.client.ui.EventaApp
import java.awt.FileDialog
import java.awt.Frame
import java.nio.file.Files
import java.nio.file.Path
import kotlin.io.path.Path

/**
 * The desktop app (`java -jar app-android/target/eventa-desktop.jar`): the same screens in a
 * window, against the server `EVENTA_SERVER_URL` names (default `http://localhost:8080`). The
 * offline store and the sign-in are kept in `EVENTA_CLIENT_DIR` (default `~/.eventa-desktop`).
 */
fun main() {
    val serverUrl = System.getenv("EVENTA_SERVER_URL")?.takeIf { it.isNotBlank() } ?: "http://localhost:8080"
    val dir = System.getenv("EVENTA_CLIENT_DIR")?.takeIf { it.isNotBlank() }?.let { Path(it) }
        ?: Path(System.getProperty("user.home"), ".eventa-desktop")
    Files.createDirectories(dir)
    val store = SqliteStore.open(dir.resolve("store.db"))
    val vault = FileBearerVault(dir.resolve("session.json"))
    application {
        val scope = rememberCoroutineScope()
        val model = remember { AppModel(serverUrl, vault, store, scope) }
        DisposableEffect(model) {
            model.start()
            onDispose { model.stop() }
        }
        Window(
            onCloseRequest = {
                model.stop()
                store.close()
                exitApplication()
            },
            title = "eventa — $serverUrl",
            state = rememberWindowState(width = 480.dp, height = 820.dp),
        ) {
            EventaApp(model, pickFile = { chooseFile(window) })
        }
    }
}

/** Asks for a receipt with the platform's file dialog. */
private fun chooseFile(owner: Frame): PickedFile? {
    val dialog = FileDialog(owner, "Attach a receipt", FileDialog.LOAD)
    dialog.isVisible = true
    val name = dialog.file ?: return null
    val path: Path = Path(dialog.directory, name)
    return PickedFile(name, PickedFile.mediaTypeOf(name), Files.readAllBytes(path))
}
