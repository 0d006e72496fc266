package eu.heapzilla.eventa.client.ui

import androidx.compose.ui.test.assertIsEnabled
import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performTextClearance
import androidx.compose.ui.test.performTextInput
import org.junit.Assert.assertEquals
import org.junit.Rule
import org.junit.Test

/** Drives the real composable headlessly through Compose's JUnit 4 rule (run by the vintage engine). */
class WelcomeScreenTest {

    @get:Rule
    val compose = createComposeRule()

    private val submitted = mutableListOf<String>()

    private fun showScreen() {
        compose.setContent { EventaTheme { WelcomeScreen(onSubmit = { submitted += it }) } }
    }

    @Test
    fun showsBrandAndTagline() {
        showScreen()
        compose.onNodeWithText(BRAND).assertExists()
        compose.onNodeWithText(TAGLINE).assertExists()
        compose.onNodeWithText(SUBMIT_LABEL).assertExists()
    }

    @Test
    fun buttonIsEnabledOnlyForAnEmailAndSubmitsExactlyIt() {
        showScreen()
        val field = compose.onNodeWithTag(WelcomeScreenTags.EMAIL_FIELD)
        val button = compose.onNodeWithTag(WelcomeScreenTags.SUBMIT_BUTTON)

        button.assertIsNotEnabled()

        field.performTextInput("not-an-email")
        button.assertIsNotEnabled()
        button.performClick()
        compose.runOnIdle { assertEquals(emptyList<String>(), submitted) }

        field.performTextClearance()
        field.performTextInput("ada@example.org")
        button.assertIsEnabled()

        button.performClick()
        compose.runOnIdle { assertEquals(listOf("ada@example.org"), submitted) }
    }
}
