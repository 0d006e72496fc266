package eu.heapzilla.eventa.domain.budget;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: whole minor units (cents) of one ISO currency. No floating point comes
 * near it; sums that would overflow fail instead of wrapping.
 */
public record Money(long minorUnits, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public Money plus(long minor) {
        return new Money(Math.addExact(minorUnits, minor), currency);
    }

    public Money plus(Money other) {
        return plus(same(other).minorUnits);
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(minorUnits, same(other).minorUnits), currency);
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    private Money same(Money other) {
        if (!other.currency.equals(currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return other;
    }
}
