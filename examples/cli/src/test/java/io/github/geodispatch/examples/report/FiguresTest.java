package io.github.geodispatch.examples.report;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiguresTest {
    private static final Figures RUPEES = new Figures(Currency.INR, SampleReports.IST);
    private static final Figures SHILLINGS = new Figures(Currency.KES, java.time.ZoneId.of("Africa/Nairobi"));

    @Property
    void rupeeCountsUseIndianGroupingAsIcuWritesIt(@ForAll @LongRange(min = -1_000_000_000_000_000L, max = 1_000_000_000_000_000L) long n) {
        // the oracle: ICU's en-IN format (the JDK's DecimalFormat cannot group 2-2-3)
        assertThat(RUPEES.count(n)).isEqualTo(NumberFormat.getIntegerInstance(new ULocale("en_IN")).format(n));
    }

    @Property
    void shillingCountsUseWesternGrouping(@ForAll long n) {
        assertThat(SHILLINGS.count(n)).isEqualTo(String.format(Locale.US, "%,d", n));
    }

    @Property
    void anAmountReadsBackToItsMinorUnits(@ForAll @LongRange(min = -Money.MAX_AMOUNT_MINOR, max = Money.MAX_AMOUNT_MINOR) long minor) {
        String shown = RUPEES.money(Money.inr(minor));
        assertThat(shown).matches("-?₹\\d{1,3}(,\\d{2})*(,\\d{3})?(\\.\\d{2})?|-?₹\\d{1,2}(,\\d{2})*,\\d{3}(\\.\\d{2})?");
        BigDecimal back = new BigDecimal(shown.replace("₹", "").replace(",", ""));
        assertThat(back.movePointRight(2).longValueExact()).isEqualTo(minor);
    }

    @Test
    void examples() {
        assertThat(RUPEES.count(350_090)).isEqualTo("3,50,090");
        assertThat(RUPEES.money(Money.inr(1_23_456_00))).isEqualTo("₹1,23,456");
        assertThat(RUPEES.money(Money.inr(599_50))).isEqualTo("₹599.50");
        assertThat(RUPEES.money(Money.inr(-350_00))).isEqualTo("-₹350");
        assertThat(SHILLINGS.money(Money.kes(1_234_567_00))).isEqualTo("KES 1,234,567");
        assertThat(RUPEES.moneyChange(Money.inr(0))).isEqualTo("±₹0");
        assertThat(RUPEES.percent(OptionalDouble.of(0.996))).isEqualTo("99%");
        assertThat(RUPEES.percent(OptionalDouble.of(1.0))).isEqualTo("100%");
        assertThat(RUPEES.percent(OptionalDouble.empty())).isEqualTo("—");
        assertThat(RUPEES.km(48_300)).isEqualTo("48.3 km");
        assertThat(RUPEES.km(1_234_567)).isEqualTo("1,235 km");
        assertThat(RUPEES.age(Duration.ofMinutes(45))).isEqualTo("45 min");
        assertThat(RUPEES.age(Duration.ofHours(30))).isEqualTo("30 h");
        assertThat(RUPEES.age(Duration.ofDays(6).plusHours(5))).isEqualTo("6 days");
        // times in the business's zone, never UTC
        assertThat(RUPEES.time(Instant.parse("2026-03-15T03:42:00Z"))).isEqualTo("15 Mar, 9:12 am");
    }

    @Test
    void anAmountInAnotherCurrencyIsRefused() {
        assertThatThrownBy(() -> RUPEES.money(Money.kes(100))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in INR");
    }
}
