package eu.heapzilla.eventa.client.ui

import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.test.assertIsEnabled
import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performTextInput
import org.junit.Assert.assertEquals
import org.junit.Rule
import org.junit.Test

/** The sign-in steps, driven the way the wiring will: callbacks move [step] on. */
class SignInScreenTest {
    @get:Rule
    val compose = createComposeRule()

    private var step by mutableStateOf<SignInStep>(SignInStep.EnterEmail())
    private val requested = mutableListOf<String>()
    private val verified = mutableListOf<String>()
    private val token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde"

    private fun show() = compose.setContent {
        EventaTheme {
            SignInScreen(
                step,
                onRequestLink = { requested += it; step = SignInStep.CheckMail(it) },
                onVerify = { verified += it; step = SignInStep.Verifying("ada@example.org") },
                onStartOver = { step = SignInStep.EnterEmail() },
                onTryAgain = { step = SignInStep.CheckMail("ada@example.org") },
            )
        }
    }

    @Test
    fun emailThenPastedLinkThenVerifying() {
        show()
        compose.onNodeWithText(BRAND).assertExists()
        val send = compose.onNodeWithTag(SignInTags.SEND_LINK)
        send.assertIsNotEnabled()
        compose.onNodeWithTag(SignInTags.EMAIL).performTextInput("ada@")
        send.assertIsNotEnabled()
        compose.onNodeWithTag(SignInTags.EMAIL).performTextInput("example.org ")
        send.assertIsEnabled().performClick()
        compose.runOnIdle { assertEquals(listOf("ada@example.org"), requested) }

        compose.onNodeWithTag(SignInTags.CHECK_MAIL).assertExists()
        compose.onNodeWithText("ada@example.org", substring = true).assertExists()
        val verify = compose.onNodeWithTag(SignInTags.VERIFY)
        verify.assertIsNotEnabled()
        compose.onNodeWithTag(SignInTags.TOKEN).performTextInput("https://plan.example.org/verify?token=$token")
        verify.assertIsEnabled().performClick()
        compose.runOnIdle { assertEquals(listOf(token), verified) }
        compose.onNodeWithTag(SignInTags.VERIFYING).assertExists()
    }

    @Test
    fun aFailureShowsTheMessageAndTryAgainGoesBackToPasting() {
        step = SignInStep.Failed("ada@example.org", "This link was already used.")
        show()
        compose.onNodeWithTag(SignInTags.FAILED).assertExists()
        compose.onNodeWithText("This link was already used.").assertExists()
        compose.onNodeWithTag(SignInTags.TRY_AGAIN).performClick()
        compose.onNodeWithTag(SignInTags.CHECK_MAIL).assertExists()
        compose.onNodeWithTag(SignInTags.START_OVER).performClick()
        compose.onNodeWithTag(SignInTags.EMAIL).assertExists()
    }

    @Test
    fun whileSendingTheButtonIsReplacedAndAnErrorIsShown() {
        step = SignInStep.EnterEmail("ada@example.org", sending = true)
        show()
        compose.onNodeWithTag(SignInTags.SENDING).assertExists()
        compose.onNodeWithTag(SignInTags.SEND_LINK).assertDoesNotExist()
        step = SignInStep.EnterEmail("ada@example.org", error = "Too many requests, try again in a minute.")
        compose.onNodeWithTag(SignInTags.EMAIL_ERROR).assertExists()
        compose.onNodeWithTag(SignInTags.SEND_LINK).assertIsEnabled()
    }
}
