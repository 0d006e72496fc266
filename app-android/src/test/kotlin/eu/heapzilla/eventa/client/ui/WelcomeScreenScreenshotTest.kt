package eu.heapzilla.eventa.client.ui

import androidx.compose.ui.ImageComposeScene
import androidx.compose.ui.unit.Density
import org.jetbrains.skia.EncodedImageFormat
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.awt.image.BufferedImage
import java.io.ByteArrayInputStream
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import javax.imageio.ImageIO

/**
 * Renders [WelcomeScreen] off-screen with [ImageComposeScene] (Skia CPU raster, no display needed)
 * and writes it to `target/screenshots/welcome.png` for people (and CI artefacts) to look at.
 */
class WelcomeScreenScreenshotTest {

    private val width = 480
    private val height = 720

    @Test
    fun rendersWelcomeScreenToPng() {
        val png = renderPng()
        val out = screenshotsDir().resolve("welcome.png")
        Files.createDirectories(out.parent)
        Files.write(out, png)

        val image: BufferedImage? = ImageIO.read(ByteArrayInputStream(png))
        assertNotNull(image, "not a decodable PNG")
        image!!
        assertEquals(width, image.width)
        assertEquals(height, image.height)

        val background = image.getRGB(2, 2) and 0xFFFFFF
        assertEquals(0xFFFBFE, background, "top-left corner should be the theme background")

        val colours = HashSet<Int>()
        var inked = 0
        for (y in 0 until image.height) {
            for (x in 0 until image.width) {
                val rgb = image.getRGB(x, y) and 0xFFFFFF
                colours += rgb
                if (rgb != background) inked++
            }
        }
        // Anti-aliased text, an outlined field and a button give many colours; a blank or
        // single-colour frame (no fonts, nothing composed) would not.
        assertTrue(colours.size > 32, "only ${colours.size} distinct colours: did anything render?")
        assertTrue(inked > width * height / 100, "only $inked non-background pixels")
        // The brand is drawn in the primary colour (anti-aliasing aside, its core pixels are exact).
        assertTrue(colours.contains(0x6B3FA0), "no pixel in the brand colour: is the text missing?")
    }

    private fun renderPng(): ByteArray {
        val scene = ImageComposeScene(width = width, height = height, density = Density(1f)) {
            EventaTheme { WelcomeScreen(onSubmit = {}) }
        }
        try {
            val image = scene.render()
            return requireNotNull(image.encodeToData(EncodedImageFormat.PNG)) { "PNG encoding failed" }.bytes
        } finally {
            scene.close()
        }
    }

    private fun screenshotsDir(): Path =
        Paths.get(System.getProperty("eventa.screenshots.dir") ?: "target/screenshots")
}
