package eu.heapzilla.eventa.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Amounts as people type them, in English, German and Austrian German. */
class FormatsTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void englishReadersGroupWithCommas() {
        Formats en = Formats.forHeader("en-GB");
        assertEquals(Optional.of(2_500_000L), en.parseAmount("25,000", EUR));
        assertEquals(Optional.of(125_050L), en.parseAmount("1250.50", EUR));
        assertEquals(Optional.of(125_050L), en.parseAmount("1,250.50", EUR));
        assertEquals(Optional.of(125_050L), en.parseAmount("€1,250.50", EUR));
        assertEquals(Optional.of(-50_000L), en.parseAmount("-500", EUR));
        assertEquals(Optional.empty(), en.parseAmount("12,50", EUR), "not read as 1250");
        assertEquals(Optional.empty(), en.parseAmount("1.250,50", EUR));
        assertEquals(Optional.empty(), en.parseAmount("lots", EUR));
        assertEquals(Optional.empty(), en.parseAmount("1.005", EUR), "more decimals than the currency has");
        assertEquals(Optional.of(1_250L), en.parseAmount("1,250", JPY));
    }

    @Test
    void germanReadersGroupWithPointsAlsoInAustriaWhereNumbersGroupWithSpaces() {
        for (String language : new String[] {"de-DE", "de-AT"}) {
            Formats de = Formats.forHeader(language);
            assertEquals(Optional.of(125_050L), de.parseAmount("1.250,50", EUR), language);
            assertEquals(Optional.of(1_200_000L), de.parseAmount("12.000", EUR), language);
            assertEquals(Optional.of(125_050L), de.parseAmount("1250,50", EUR), language);
            assertEquals(Optional.of(125_050L), de.parseAmount("1250.50", EUR), language);
            assertEquals(Optional.of(125_050L), de.parseAmount("1 250,50 €", EUR), language);
            assertEquals(Optional.of(125_050L), de.parseAmount("€\u00a01.250,50", EUR), language);
            assertEquals(Optional.empty(), de.parseAmount("25,000", EUR), language + ": three decimals");
            assertEquals(Optional.empty(), de.parseAmount("1.25.0", EUR), language);
        }
    }
}
