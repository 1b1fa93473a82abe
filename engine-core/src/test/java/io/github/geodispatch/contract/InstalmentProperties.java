package io.github.geodispatch.contract;

import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.ContractKind;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.SiteId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A contract's instalments add up to its price exactly and fall in its term, the first on its start. */
class InstalmentProperties {

    @Property
    void instalmentsSumToThePriceAndFallInTheTerm(@ForAll @LongRange(max = Money.MAX_AMOUNT_MINOR) long price,
                                                  @ForAll @IntRange(min = 1, max = 12) int n,
                                                  @ForAll @IntRange(min = 0, max = 3_000) int startOffset,
                                                  @ForAll @IntRange(min = 0, max = 1_100) int length) {
        LocalDate start = LocalDate.of(2024, 1, 1).plusDays(startOffset);
        ContractTerms terms = new ContractTerms(ContractId.of("AMC-1"), ContractKind.AMC, List.of(SiteId.of("S-1")),
                List.of(), AmcBusiness.plan(4, 0), Money.inr(price), n, start, start.plusDays(length), null);

        List<Instalment> instalments = Instalment.of(terms);

        assertThat(instalments).hasSize(n);
        assertThat(instalments.stream().mapToLong(i -> i.amount().minor()).sum()).isEqualTo(price);
        assertThat(instalments.get(0).dueOn()).isEqualTo(start);
        for (int k = 0; k < n; k++) {
            Instalment i = instalments.get(k);
            assertThat(i.number()).isEqualTo(k + 1);
            assertThat(terms.inTerm(i.dueOn())).isTrue();
            assertThat(i.amount().minor()).isEqualTo(k < n - 1 ? price / n : price - (price / n) * (n - 1));
            if (k > 0) {
                assertThat(i.dueOn()).isAfterOrEqualTo(instalments.get(k - 1).dueOn());
            }
        }
    }
}
