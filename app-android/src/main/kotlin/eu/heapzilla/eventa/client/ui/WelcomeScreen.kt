package eu.heapzilla.eventa.client.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.widthIn
import androidx.compose.foundation.text.KeyboardActions
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
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
import androidx.compose.ui.unit.dp
import eu.heapzilla.eventa.client.signin.looksLikeEmail

/** Test tags of [WelcomeScreen]'s interactive nodes. */
object WelcomeScreenTags {
    const val EMAIL_FIELD = "welcome.email"
    const val SUBMIT_BUTTON = "welcome.submit"
}

const val BRAND = "eventa"
const val TAGLINE = "Plan one big day together."
const val SUBMIT_LABEL = "Send me a sign-in link"

/**
 * First screen of the client: the brand, the tagline and a passwordless sign-in form.
 *
 * The button is enabled only while the field [looksLikeEmail]; pressing it (or the keyboard's
 * send action) calls [onSubmit] with the address, surrounding whitespace trimmed.
 */
@Composable
fun WelcomeScreen(onSubmit: (email: String) -> Unit, modifier: Modifier = Modifier) {
    var email by rememberSaveable { mutableStateOf("") }
    val canSubmit = looksLikeEmail(email)
    val submit = { if (looksLikeEmail(email)) onSubmit(email.trim()) }

    Surface(modifier = modifier.fillMaxSize(), color = MaterialTheme.colorScheme.background) {
        Column(
            modifier = Modifier.padding(32.dp),
            verticalArrangement = Arrangement.spacedBy(16.dp, Alignment.CenterVertically),
            horizontalAlignment = Alignment.CenterHorizontally,
        ) {
            Text(
                text = BRAND,
                style = MaterialTheme.typography.displayMedium,
                fontWeight = FontWeight.Bold,
                color = MaterialTheme.colorScheme.primary,
            )
            Text(
                text = TAGLINE,
                style = MaterialTheme.typography.titleMedium,
                color = MaterialTheme.colorScheme.onBackground,
            )
            OutlinedTextField(
                value = email,
                onValueChange = { email = it },
                label = { Text("Email") },
                singleLine = true,
                keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Email, imeAction = ImeAction.Send),
                keyboardActions = KeyboardActions(onSend = { submit() }),
                modifier = Modifier.widthIn(max = 420.dp).fillMaxWidth().testTag(WelcomeScreenTags.EMAIL_FIELD),
            )
            Button(
                onClick = submit,
                enabled = canSubmit,
                modifier = Modifier.testTag(WelcomeScreenTags.SUBMIT_BUTTON),
            ) {
                Text(SUBMIT_LABEL)
            }
        }
    }
}
