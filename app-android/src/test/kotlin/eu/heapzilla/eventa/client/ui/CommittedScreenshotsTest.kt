package eu.heapzilla.eventa.client.ui

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

/** Every picture [ScreensScreenshotTest] renders is committed under the repository's `docs/screens/`. */
class CommittedScreenshotsTest {

    @Test
    fun docsScreensHoldsAPictureOfEveryRenderedScreen() {
        val dir = repositoryRoot().resolve("docs/screens")
        val missing = ScreenCatalog.shots.map { "${it.name}.png" }.filterNot { Files.isRegularFile(dir.resolve(it)) }
        assertEquals(
            emptyList<String>(), missing,
            "regenerate with ./mvnw -pl app-android test -Dtest=ScreensScreenshotTest -Deventa.screens.dir=\$PWD/docs/screens",
        )
    }

    private fun repositoryRoot(): Path {
        var dir: Path? = Paths.get("").toAbsolutePath()
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) dir = dir.parent
        return requireNotNull(dir) { "no mvnw above ${Paths.get("").toAbsolutePath()}" }
    }
}
