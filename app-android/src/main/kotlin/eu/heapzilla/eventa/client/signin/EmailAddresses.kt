package eu.heapzilla.eventa.client.signin

/** Longest address SMTP can carry (RFC 5321 path limit minus the angle brackets). */
private const val MAX_EMAIL_LENGTH = 254

/** local@domain.tld: no whitespace, exactly one '@', a domain of at least two non-empty dot-separated labels. */
private val EMAIL_SHAPE = Regex("""[^\s@]+@[^\s@.]+(\.[^\s@.]+)+""")

/**
 * Whether [candidate] is shaped like an email address, after trimming surrounding whitespace.
 *
 * This is a cheap client-side plausibility check that only decides whether the sign-in button is
 * enabled; the server is the authority (it sends the link, and an address that cannot receive it
 * simply never signs in).
 */
fun looksLikeEmail(candidate: String): Boolean {
    val trimmed = candidate.trim()
    return trimmed.length <= MAX_EMAIL_LENGTH && EMAIL_SHAPE.matches(trimmed)
}
