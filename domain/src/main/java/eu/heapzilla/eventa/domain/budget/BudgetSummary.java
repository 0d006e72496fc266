package eu.heapzilla.eventa.domain.budget;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The budget added up: totals per category and overall, and how the expected cost compares
 * with the budget planned for the event. Every amount is exact integer arithmetic in minor
 * units of the event's currency.
 *
 * @param remaining planned minus expected; negative when the plan is exceeded; empty when nothing was planned
 */
public record BudgetSummary(Currency currency, List<CategoryTotals> categories, Totals overall,
                            Optional<Money> planned, Optional<Money> remaining) {

    /** Orders categories as a person reads them: ignoring case first, then exactly, so the order is total. */
    private static final Comparator<String> CATEGORY_ORDER =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    public BudgetSummary {
        Objects.requireNonNull(currency, "currency");
        categories = List.copyOf(categories);
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(planned, "planned");
        Objects.requireNonNull(remaining, "remaining");
    }

    /** Adds up {@code items}, all counted in {@code currency}, against {@code plannedCents} when the event has a plan. */
    public static BudgetSummary of(List<BudgetItemDetails> items, Currency currency, OptionalLong plannedCents) {
        Map<String, Totals> byCategory = new TreeMap<>(CATEGORY_ORDER);
        Totals overall = Totals.zero(currency);
        for (BudgetItemDetails item : items) {
            byCategory.merge(item.category(), Totals.zero(currency).plus(item), (sum, one) -> sum.plus(item));
            overall = overall.plus(item);
        }
        List<CategoryTotals> categories = new ArrayList<>();
        byCategory.forEach((category, totals) -> categories.add(new CategoryTotals(category, totals)));
        Optional<Money> planned = plannedCents.isPresent()
                ? Optional.of(new Money(plannedCents.getAsLong(), currency)) : Optional.empty();
        Totals all = overall;
        return new BudgetSummary(currency, categories, overall, planned, planned.map(plan -> plan.minus(all.expected())));
    }

    /** Whether the expected cost exceeds the planned budget; false when nothing was planned. */
    public boolean overBudget() {
        return remaining.map(Money::isNegative).orElse(false);
    }

    /** The totals of one category. */
    public record CategoryTotals(String category, Totals totals) {

        public CategoryTotals {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(totals, "totals");
        }
    }

    /**
     * Sums over some items: what was estimated, the actual amounts known so far, what was paid,
     * what is expected in the end (actual where known, else estimate) and what is still to pay.
     */
    public record Totals(int items, Money estimated, Money actual, Money paid, Money expected, Money stillToPay) {

        public Totals {
            Objects.requireNonNull(estimated, "estimated");
            Objects.requireNonNull(actual, "actual");
            Objects.requireNonNull(paid, "paid");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(stillToPay, "stillToPay");
        }

        static Totals zero(Currency currency) {
            Money zero = Money.zero(currency);
            return new Totals(0, zero, zero, zero, zero, zero);
        }

        Totals plus(BudgetItemDetails item) {
            return new Totals(items + 1, estimated.plus(item.estimatedCents()), actual.plus(item.actualCents().orElse(0)),
                    paid.plus(item.paidCents()), expected.plus(item.expectedCents()),
                    stillToPay.plus(item.stillToPayCents()));
        }
    }
}
