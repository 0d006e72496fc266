package eu.heapzilla.eventa.client.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ColumnScope
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.widthIn
import androidx.compose.foundation.text.KeyboardActions
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.Button
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.input.ImeAction
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import eu.heapzilla.eventa.client.signin.SignInLinks
import eu.heapzilla.eventa.client.signin.looksLikeEmail

/** Where the passwordless sign-in is; the wiring moves between steps as requests are sent and answered. */
sealed interface SignInStep {
    /** Step 1: type an address. [sending] while the link is requested; [error] when that failed. */
    data class EnterEmail(val email: String = "", val sending: Boolean = false, val error: String? = null) : SignInStep

    /** Step 2: the link was mailed to [email]; paste it (or its token) here. */
    data class CheckMail(val email: String) : SignInStep

    /** The token is being verified. */
    data class Verifying(val email: String) : SignInStep

    /** Verifying failed (used or expired link, no connection): [message] for people. */
    data class Failed(val email: String, val message: String) : SignInStep
}

/** Test tags of [SignInScreen]. */
object SignInTags {
    const val EMAIL = "signIn.email"
    const val SEND_LINK = "signIn.sendLink"
    const val SENDING = "signIn.sending"
    const val EMAIL_ERROR = "signIn.emailError"
    const val CHECK_MAIL = "signIn.checkMail"
    const val TOKEN = "signIn.token"
    const val VERIFY = "signIn.verify"
    const val START_OVER = "signIn.startOver"
    const val VERIFYING = "signIn.verifying"
    const val FAILED = "signIn.failed"
    const val TRY_AGAIN = "signIn.tryAgain"
}

const val BRAND = "eventa"
const val TAGLINE = "Plan one big day together."
const val SEND_LINK_LABEL = "Send me a sign-in link"

/**
 * The sign-in flow: the brand, then the [step]'s form. [onRequestLink] gets the trimmed address (only
 * once it looks like one), [onVerify] the token parsed by [SignInLinks.parseToken] from what was pasted,
 * [onStartOver] goes back to step 1, [onTryAgain] back to pasting after a failure.
 */
@Composable
fun SignInScreen(
    step: SignInStep,
    onRequestLink: (email: String) -> Unit,
    onVerify: (token: String) -> Unit,
    onStartOver: () -> Unit,
    onTryAgain: () -> Unit,
    modifier: Modifier = Modifier,
) {
    Surface(modifier = modifier.fillMaxSize(), color = MaterialTheme.colorScheme.background) {
        Column(
            modifier = Modifier.padding(32.dp),
            verticalArrangement = Arrangement.spacedBy(16.dp, Alignment.CenterVertically),
            horizontalAlignment = Alignment.CenterHorizontally,
        ) {
            Text(BRAND, style = MaterialTheme.typography.displayMedium, fontWeight = FontWeight.Bold,
                color = MaterialTheme.colorScheme.primary)
            Text(TAGLINE, style = MaterialTheme.typography.titleMedium, color = MaterialTheme.colorScheme.onBackground)
            when (step) {
                is SignInStep.EnterEmail -> EmailStep(step, onRequestLink)
                is SignInStep.CheckMail -> CheckMailStep(step.email, onVerify, onStartOver)
                is SignInStep.Verifying -> {
                    CircularProgressIndicator(Modifier.testTag(SignInTags.VERIFYING))
                    Text("Signing you in…")
                }
                is SignInStep.Failed -> FailedStep(step.message, onTryAgain, onStartOver)
            }
        }
    }
}

@Composable
private fun ColumnScope.EmailStep(step: SignInStep.EnterEmail, onRequestLink: (String) -> Unit) {
    var email by rememberSaveable(step.email) { mutableStateOf(step.email) }
    val canSubmit = looksLikeEmail(email) && !step.sending
    val submit = { if (canSubmit) onRequestLink(email.trim()) }
    OutlinedTextField(
        value = email,
        onValueChange = { email = it },
        label = { Text("Email") },
        singleLine = true,
        enabled = !step.sending,
        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Email, imeAction = ImeAction.Send),
        keyboardActions = KeyboardActions(onSend = { submit() }),
        modifier = Modifier.widthIn(max = 420.dp).fillMaxWidth().testTag(SignInTags.EMAIL),
    )
    if (step.error != null) {
        Text(step.error, color = MaterialTheme.colorScheme.error, modifier = Modifier.testTag(SignInTags.EMAIL_ERROR))
    }
    if (step.sending) {
        CircularProgressIndicator(Modifier.testTag(SignInTags.SENDING))
    } else {
        Button(onClick = submit, enabled = canSubmit, modifier = Modifier.testTag(SignInTags.SEND_LINK)) {
            Text(SEND_LINK_LABEL)
        }
    }
}

@Composable
private fun ColumnScope.CheckMailStep(email: String, onVerify: (String) -> Unit, onStartOver: () -> Unit) {
    var pasted by rememberSaveable { mutableStateOf("") }
    val token = SignInLinks.parseToken(pasted)
    Text("Check your mail", style = MaterialTheme.typography.headlineSmall, modifier = Modifier.testTag(SignInTags.CHECK_MAIL))
    Text(
        "We sent a sign-in link to $email. Open it on this device, or paste the link or its code here.",
        textAlign = TextAlign.Center,
    )
    OutlinedTextField(
        value = pasted,
        onValueChange = { pasted = it },
        label = { Text("Link or code") },
        singleLine = true,
        isError = pasted.isNotBlank() && token == null,
        supportingText = if (pasted.isNotBlank() && token == null) {
            { Text("That is not a sign-in link from eventa") }
        } else {
            null
        },
        keyboardOptions = KeyboardOptions(imeAction = ImeAction.Done),
        keyboardActions = KeyboardActions(onDone = { token?.let(onVerify) }),
        modifier = Modifier.widthIn(max = 420.dp).fillMaxWidth().testTag(SignInTags.TOKEN),
    )
    Button(onClick = { token?.let(onVerify) }, enabled = token != null, modifier = Modifier.testTag(SignInTags.VERIFY)) {
        Text("Sign in")
    }
    TextButton(onClick = onStartOver, modifier = Modifier.testTag(SignInTags.START_OVER)) { Text("Use a different address") }
}

@Composable
private fun ColumnScope.FailedStep(message: String, onTryAgain: () -> Unit, onStartOver: () -> Unit) {
    Text("Could not sign you in", style = MaterialTheme.typography.headlineSmall)
    Text(message, color = MaterialTheme.colorScheme.error, textAlign = TextAlign.Center,
        modifier = Modifier.testTag(SignInTags.FAILED))
    Button(onClick = onTryAgain, modifier = Modifier.testTag(SignInTags.TRY_AGAIN)) { Text("Try again") }
    TextButton(onClick = onStartOver, modifier = Modifier.testTag(SignInTags.START_OVER)) { Text("Send a new link") }
}
