package eu.heapzilla.eventa.client.ui

import androidx.compose.runtime.staticCompositionLocalOf
import java.math.BigDecimal
import java.text.NumberFormat
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.format.DateTimeFormatter
import java.time.format.DateTimeParseException
import java.time.format.FormatStyle
import java.time.temporal.ChronoUnit
import java.util.Currency
import java.util.Locale

/** The locale screens format money and dates for; tests and previews provide a fixed one. */
val LocalAppLocale = staticCompositionLocalOf { Locale.getDefault() }

/**
 * How the screens show the server's amounts and dates: money from minor units ("cents") and an ISO 4217
 * code, ISO dates and timestamps as the locale's medium date, and day distances in words.
 */
object Formats {

    /** 123456 cents of EUR → "€1,234.56" (US) or "1.234,56 €" (Germany). An unknown code is shown as "XYZ 1234.56". */
    fun money(cents: Long, currencyCode: String, locale: Locale = Locale.getDefault()): String {
        val currency = runCatching { Currency.getInstance(currencyCode) }.getOrNull()
        val digits = currency?.defaultFractionDigits?.takeIf { it >= 0 } ?: 2
        val amount = BigDecimal.valueOf(cents, digits)
        if (currency == null) return "$currencyCode ${amount.toPlainString()}"
        val format = NumberFormat.getCurrencyInstance(locale)
        format.currency = currency
        format.minimumFractionDigits = digits
        format.maximumFractionDigits = digits
        return format.format(amount)
    }

    /** "2027-06-12" or "2027-06-12T10:15:30Z" → the locale's medium date ("Jun 12, 2027"); anything else unchanged. */
    fun date(iso: String, locale: Locale = Locale.getDefault()): String {
        val day = parseDay(iso) ?: return iso
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale))
    }

    /** The calendar day of an ISO date or RFC 3339 timestamp (the timestamp's own offset), or null. */
    fun parseDay(iso: String): LocalDate? =
        try {
            if (iso.length == 10) LocalDate.parse(iso) else OffsetDateTime.parse(iso).toLocalDate()
        } catch (_: DateTimeParseException) {
            null
        }

    /** [day] seen from [today]: "today", "tomorrow", "yesterday", "in 12 days", "3 days ago". */
    fun relativeDays(day: LocalDate, today: LocalDate): String {
        val days = ChronoUnit.DAYS.between(today, day)
        return when {
            days == 0L -> "today"
            days == 1L -> "tomorrow"
            days == -1L -> "yesterday"
            days > 0 -> "in $days days"
            else -> "${-days} days ago"
        }
    }

    /**
     * An amount typed by a person ("1234", "1234.5", "1234,56") → minor units of a two-decimal currency,
     * or null when it is not such a non-negative amount. Group separators are not accepted.
     */
    fun parseCents(text: String): Long? {
        val match = AMOUNT.matchEntire(text.trim()) ?: return null
        val whole = match.groupValues[1].toLongOrNull() ?: return null
        val fraction = match.groupValues[2].padEnd(2, '0')
        if (whole > Long.MAX_VALUE / 100 - 1) return null
        return whole * 100 + fraction.toLong()
    }

    /** Minor units as an editable amount: 123456 → "1234.56", the inverse of [parseCents]. */
    fun centsInput(cents: Long): String = BigDecimal.valueOf(cents, 2).toPlainString()

    private val AMOUNT = Regex("""(\d{1,15})(?:[.,](\d{1,2}))?""")
}
