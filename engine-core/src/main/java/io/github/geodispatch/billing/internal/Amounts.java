package io.github.geodispatch.billing.internal;
import io.github.geodispatch.spi.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding arithmetic shared by the tax regimes and the drafter. Stateless. */
public final class Amounts {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Amounts() {}

    /** {@code amount * percent / 100}, half-up to the minor unit. */
    public static Money percent(Money amount, BigDecimal percent) {
        BigDecimal exact = BigDecimal.valueOf(amount.minor()).multiply(percent)
                .divide(HUNDRED, 0, RoundingMode.HALF_UP);
        return Money.ofMinor(exact.longValueExact(), amount.currency());
    }

    /** The adjustment that rounds {@code total} half-up to whole units of its currency. */
    public static Money toWholeUnits(Money total) {
        long unit = BigDecimal.ONE.movePointRight(total.currency().minorDigits()).longValueExact();
        long rounded = BigDecimal.valueOf(total.minor()).divide(BigDecimal.valueOf(unit), 0, RoundingMode.HALF_UP)
                .longValueExact() * unit;
        return Money.ofMinor(rounded - total.minor(), total.currency());
    }

    /** The price before tax of a tax-inclusive {@code gross} at {@code rateBasisPoints}, half-up to the minor unit. */
    static Money beforeTax(Money gross, int rateBasisPoints) {
        BigDecimal exact = BigDecimal.valueOf(gross.minor()).multiply(BigDecimal.valueOf(10_000))
                .divide(BigDecimal.valueOf(10_000L + rateBasisPoints), 0, RoundingMode.HALF_UP);
        return Money.ofMinor(exact.longValueExact(), gross.currency());
    }
}
