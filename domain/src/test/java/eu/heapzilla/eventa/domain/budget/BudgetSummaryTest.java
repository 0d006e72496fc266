package eu.heapzilla.eventa.domain.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class BudgetSummaryTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private static BudgetItemDetails item(String category, long estimated, OptionalLong actual, long paid) {
        return new BudgetItemDetails(category, "Item", Optional.empty(), estimated, actual, paid, Optional.empty(),
                Optional.empty());
    }

    @Test
    void anItemIsExpectedToCostItsActualAmountOnceKnownElseItsEstimate() {
        assertEquals(500, item("Venue", 500, OptionalLong.empty(), 0).expectedCents());
        assertEquals(0, item("Venue", 500, OptionalLong.of(0), 0).expectedCents());
        assertEquals(700, item("Venue", 500, OptionalLong.of(700), 0).expectedCents());
        assertEquals(200, item("Venue", 500, OptionalLong.of(700), 500).stillToPayCents());
        assertEquals(0, item("Venue", 500, OptionalLong.empty(), 900).stillToPayCents(), "overpaid owes nothing");
    }

    @Test
    void theSummaryComparesTheExpectedCostWithThePlan() {
        List<BudgetItemDetails> items = List.of(item("Venue", 500_000, OptionalLong.of(550_000), 100_000),
                item("Flowers", 80_000, OptionalLong.empty(), 90_000));
        BudgetSummary within = BudgetSummary.of(items, EUR, OptionalLong.of(1_000_000));
        assertEquals(new Money(370_000, EUR), within.remaining().orElseThrow());
        assertFalse(within.overBudget());
        BudgetSummary over = BudgetSummary.of(items, EUR, OptionalLong.of(600_000));
        assertEquals(new Money(-30_000, EUR), over.remaining().orElseThrow());
        assertTrue(over.overBudget());
        BudgetSummary unplanned = BudgetSummary.of(items, EUR, OptionalLong.empty());
        assertTrue(unplanned.remaining().isEmpty());
        assertFalse(unplanned.overBudget());
    }

    @Test
    void categoriesAreOrderedIgnoringCaseFirstAndKeptApartWhenSpelledDifferently() {
        BudgetSummary summary = BudgetSummary.of(List.of(item("venue", 1, OptionalLong.empty(), 0),
                item("Flowers", 1, OptionalLong.empty(), 0), item("Venue", 1, OptionalLong.empty(), 0),
                item("flowers", 1, OptionalLong.empty(), 0)), EUR, OptionalLong.empty());
        assertEquals(List.of("Flowers", "flowers", "Venue", "venue"),
                summary.categories().stream().map(BudgetSummary.CategoryTotals::category).toList());
    }

    @RepeatedTest(20)
    void sumsOfThousandsOfRandomItemsAreExactToTheCent(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition() * 7919L);
        List<BudgetItemDetails> items = new ArrayList<>();
        Map<String, BigInteger[]> expected = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        BigInteger[] overall = zeros();
        for (int i = 0; i < 1_000 + random.nextInt(2_000); i++) {
            String category = "Category " + random.nextInt(12);
            long estimated = amount(random);
            OptionalLong actual = random.nextInt(3) == 0 ? OptionalLong.empty() : OptionalLong.of(amount(random));
            long paid = amount(random);
            items.add(item(category, estimated, actual, paid));
            add(expected.computeIfAbsent(category, c -> zeros()), estimated, actual, paid);
            add(overall, estimated, actual, paid);
        }
        BudgetSummary summary = BudgetSummary.of(items, EUR, OptionalLong.of(BudgetItemDetails.MAX_AMOUNT_CENTS));
        assertTotals(overall, items.size(), summary.overall());
        int counted = 0;
        for (BudgetSummary.CategoryTotals category : summary.categories()) {
            assertTotals(expected.get(category.category()), category.totals().items(), category.totals());
            counted += category.totals().items();
        }
        assertEquals(items.size(), counted);
        assertEquals(BigInteger.valueOf(BudgetItemDetails.MAX_AMOUNT_CENTS).subtract(overall[3]),
                BigInteger.valueOf(summary.remaining().orElseThrow().minorUnits()));
    }

    @Test
    void moneyNeverWrapsAroundOrMixesCurrencies() {
        assertThrows(ArithmeticException.class, () -> new Money(Long.MAX_VALUE, EUR).plus(1));
        assertThrows(IllegalArgumentException.class, () -> Money.zero(EUR).plus(Money.zero(Currency.getInstance("USD"))));
    }

    /** Mostly small amounts with cents, sometimes the largest an item may have. */
    private static long amount(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(100);
            case 1 -> random.nextInt(10_000_000);
            case 2 -> BudgetItemDetails.MAX_AMOUNT_CENTS - random.nextInt(3);
            default -> random.nextLong(BudgetItemDetails.MAX_AMOUNT_CENTS + 1);
        };
    }

    private static BigInteger[] zeros() {
        return new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
    }

    private static void add(BigInteger[] sums, long estimated, OptionalLong actual, long paid) {
        BigInteger cost = BigInteger.valueOf(actual.orElse(estimated));
        sums[0] = sums[0].add(BigInteger.valueOf(estimated));
        sums[1] = sums[1].add(BigInteger.valueOf(actual.orElse(0)));
        sums[2] = sums[2].add(BigInteger.valueOf(paid));
        sums[3] = sums[3].add(cost);
        sums[4] = sums[4].add(cost.subtract(BigInteger.valueOf(paid)).max(BigInteger.ZERO));
    }

    private static void assertTotals(BigInteger[] sums, int items, BudgetSummary.Totals totals) {
        assertEquals(items, totals.items());
        assertEquals(sums[0], BigInteger.valueOf(totals.estimated().minorUnits()));
        assertEquals(sums[1], BigInteger.valueOf(totals.actual().minorUnits()));
        assertEquals(sums[2], BigInteger.valueOf(totals.paid().minorUnits()));
        assertEquals(sums[3], BigInteger.valueOf(totals.expected().minorUnits()));
        assertEquals(sums[4], BigInteger.valueOf(totals.stillToPay().minorUnits()));
    }
}
