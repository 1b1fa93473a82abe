package io.github.geodispatch.contract;

import io.github.geodispatch.job.JobCommand;
import io.github.geodispatch.spi.ContractPlan;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PartsCover;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's parts price against a brute-force oracle in whole numbers. */
class ContractChargesProperties {

    static ContractPlan plan(PartsCover cover, int basisPoints) {
        return new ContractPlan(0, 0, 14, "AC_PM", 0, List.of(), cover, basisPoints, true, 0);
    }

    /**
     * The discount is the unit price x bps / 10,000 rounded half-up (computed in big integers: (2·p·b + 10,000) div
     * 20,000), the customer pays the rest: never negative, never above the price, never more when the discount grows.
     */
    @Property
    void aDiscountedPriceIsThePriceLessItsRoundedDiscount(@ForAll @LongRange(max = Money.MAX_AMOUNT_MINOR) long price,
                                                          @ForAll @IntRange(min = 1, max = 10_000) int basisPoints) {
        Money charged = ContractCharges.partPrice(plan(PartsCover.DISCOUNT, basisPoints), Money.inr(price));

        BigInteger twice = BigInteger.valueOf(price).multiply(BigInteger.valueOf(2L * basisPoints));
        long discount = twice.add(BigInteger.valueOf(10_000)).divide(BigInteger.valueOf(20_000)).longValueExact();
        assertThat(charged).isEqualTo(Money.inr(price - discount));
        assertThat(charged.minor()).isBetween(0L, price);
        if (basisPoints < 10_000) {
            Money more = ContractCharges.partPrice(plan(PartsCover.DISCOUNT, basisPoints + 1), Money.inr(price));
            assertThat(more.minor()).isLessThanOrEqualTo(charged.minor());
        } else {
            assertThat(charged.isZero()).isTrue();
        }
    }

    /** FULL records a billable part as not billable at its price; NONE leaves it; a free part stays free. */
    @Property
    void aPartKeepsEverythingButItsPriceAndBillability(@ForAll @LongRange(max = 1_000_000) long price,
                                                       @ForAll @IntRange(min = 1, max = 99) int quantity,
                                                       @ForAll boolean billable) {
        JobCommand.UsePart part = new JobCommand.UsePart(JobId.of("J-1"), "CAP-45", "8415", quantity, Money.inr(price),
                billable);
        assertThat(ContractCharges.price(plan(PartsCover.NONE, 0), part)).isEqualTo(part);
        JobCommand.UsePart full = ContractCharges.price(plan(PartsCover.FULL, 0), part);
        assertThat(full).isEqualTo(new JobCommand.UsePart(part.job(), "CAP-45", "8415", quantity, Money.inr(price), false));
        JobCommand.UsePart discounted = ContractCharges.price(plan(PartsCover.DISCOUNT, 2_500), part);
        assertThat(discounted.billable()).isEqualTo(billable);
        assertThat(discounted.unitPrice()).isEqualTo(billable ? Money.inr(price - (price * 2_500 + 5_000) / 10_000)
                : Money.inr(price));
    }
}
