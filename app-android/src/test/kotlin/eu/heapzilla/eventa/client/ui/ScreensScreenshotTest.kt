package eu.heapzilla.eventa.client.ui

import androidx.compose.ui.ImageComposeScene
import androidx.compose.ui.unit.Density
import org.jetbrains.skia.EncodedImageFormat
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.DynamicTest.dynamicTest
import org.junit.jupiter.api.TestFactory
import java.io.ByteArrayInputStream
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import javax.imageio.ImageIO

/**
 * Renders every [ScreenCatalog] entry at phone size (412×915 dp at density 2) with [ImageComposeScene]
 * and writes `<name>.png` to the system property `eventa.screens.dir`, else `target/screenshots`.
 * Regenerate the committed pictures from the repository root with
 * `./mvnw -pl app-android test -Dtest=ScreensScreenshotTest -Deventa.screens.dir=$PWD/docs/screens`.
 */
class ScreensScreenshotTest {

    @TestFactory
    fun rendersEveryScreen(): List<DynamicTest> = ScreenCatalog.shots.map { shot ->
        dynamicTest(shot.name) {
            val png = render(shot)
            val out = outputDir().resolve("${shot.name}.png")
            Files.createDirectories(out.parent)
            Files.write(out, png)
            assertLooksRendered(shot.name, png)
        }
    }

    private fun render(shot: ScreenShot): ByteArray {
        val scene = ImageComposeScene(width = WIDTH_PX, height = HEIGHT_PX, density = Density(DENSITY), content = shot.content)
        try {
            scene.render() // the first frame lays out; dialogs and menus settle on the next one
            val image = scene.render(500_000_000L)
            return requireNotNull(image.encodeToData(EncodedImageFormat.PNG)) { "PNG encoding failed" }.bytes
        } finally {
            scene.close()
        }
    }

    private fun assertLooksRendered(name: String, png: ByteArray) {
        val image = ImageIO.read(ByteArrayInputStream(png))
        assertNotNull(image, "$name: not a decodable PNG")
        assertEquals(WIDTH_PX, image.width, name)
        assertEquals(HEIGHT_PX, image.height, name)
        val counts = HashMap<Int, Int>()
        for (y in 0 until image.height step 2) {
            for (x in 0 until image.width step 2) {
                counts.merge(image.getRGB(x, y) and 0xFFFFFF, 1, Int::plus)
            }
        }
        val sampled = counts.values.sum()
        val dominant = counts.values.max()
        // Anti-aliased text gives many colours; a blank or single-colour frame does not (even sparse screens ink > 1%).
        assertTrue(counts.size > 40, "$name: only ${counts.size} distinct colours: did anything render?")
        assertTrue(dominant < sampled * 99 / 100, "$name: ${dominant * 100 / sampled}% of the picture is one colour")
        // The brand colour: the top bar, the brand name or a button; a dialog's scrim darkens but keeps some of it visible.
        assertTrue(counts.keys.any { isNear(it, BRAND_PRIMARY) || isNear(it, BRAND_PRIMARY_UNDER_SCRIM) },
            "$name: no pixel in the brand colour")
    }

    private fun isNear(rgb: Int, target: Int): Boolean =
        listOf(16, 8, 0).all { shift -> kotlin.math.abs((rgb shr shift and 0xFF) - (target shr shift and 0xFF)) <= 3 }

    private fun outputDir(): Path = Paths.get(System.getProperty("eventa.screens.dir") ?: "target/screenshots")

    companion object {
        const val WIDTH_PX = 824
        const val HEIGHT_PX = 1830
        const val DENSITY = 2f
        const val BRAND_PRIMARY = 0x6B3FA0
        const val BRAND_PRIMARY_UNDER_SCRIM = 0x35204F
    }
}
