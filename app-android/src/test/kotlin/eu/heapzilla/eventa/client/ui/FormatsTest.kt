package eu.heapzilla.eventa.client.ui

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import java.time.LocalDate
import java.util.Locale

class FormatsTest {
    private val nbsp = '\u00A0'

    @Test
    fun moneyFollowsTheLocale() {
        assertEquals("€1,234.56", Formats.money(123456, "EUR", Locale.US))
        assertEquals("1.234,56${nbsp}€", Formats.money(123456, "EUR", Locale.GERMANY))
        assertEquals("$0.05", Formats.money(5, "USD", Locale.US))
        assertEquals("-€3.00", Formats.money(-300, "EUR", Locale.US))
    }

    @Test
    fun moneyUsesTheCurrencysMinorUnits() {
        assertEquals("¥1,234", Formats.money(1234, "JPY", Locale.US))
        assertEquals("XYZ 12.34", Formats.money(1234, "XYZ", Locale.US))
    }

    @Test
    fun datesAreTheLocalesMediumForm() {
        assertEquals("Jun 12, 2027", Formats.date("2027-06-12", Locale.US))
        assertEquals("12.06.2027", Formats.date("2027-06-12", Locale.GERMANY))
        assertEquals("Mar 8, 2027", Formats.date("2027-03-08T09:00:00Z", Locale.US))
        assertEquals("soon", Formats.date("soon", Locale.US))
    }

    @Test
    fun relativeDaysInWords() {
        val today = LocalDate.of(2027, 3, 1)
        assertEquals("in 12 days", Formats.relativeDays(today.plusDays(12), today))
        assertEquals("3 days ago", Formats.relativeDays(today.minusDays(3), today))
        assertEquals("today", Formats.relativeDays(today, today))
        assertEquals("tomorrow", Formats.relativeDays(today.plusDays(1), today))
        assertEquals("yesterday", Formats.relativeDays(today.minusDays(1), today))
    }

    @Test
    fun typedAmountsBecomeCentsAndBack() {
        assertEquals(123456L, Formats.parseCents("1234.56"))
        assertEquals(123456L, Formats.parseCents(" 1234,56 "))
        assertEquals(123450L, Formats.parseCents("1234.5"))
        assertEquals(100L, Formats.parseCents("1"))
        assertNull(Formats.parseCents("1,234.56"))
        assertNull(Formats.parseCents("-5"))
        assertNull(Formats.parseCents("1.234"))
        assertNull(Formats.parseCents(""))
        assertEquals("1234.56", Formats.centsInput(123456))
        assertEquals(123456L, Formats.parseCents(Formats.centsInput(123456)))
    }
}
