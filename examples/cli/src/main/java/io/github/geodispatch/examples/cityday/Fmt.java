package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.examples.report.Figures;
import io.github.geodispatch.insight.Ratio;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.Money;

import java.time.Duration;
import java.util.Optional;

/** Text formats for the terminal dashboard (amounts through the report's {@link Figures}). Stateless and thread-safe. */
final class Fmt {
    private static final Figures RUPEES = new Figures(Currency.INR, CityWorld.ZONE);

    private Fmt() {}

    /** Whole rupees with Indian digit grouping, e.g. {@code ₹4,21,300}: the report's formatter, paise rounded off. */
    static String inr(Money m) {
        return RUPEES.money(Money.inr(Math.round(m.minor() / 100.0) * 100));
    }

    static String duration(Optional<Duration> d) {
        return d.map(Fmt::duration).orElse("—");
    }

    static String duration(Duration d) {
        long m = d.toMinutes();
        return m < 60 ? m + "m" : (m / 60) + "h" + String.format("%02d", m % 60) + "m";
    }

    static String pct(Ratio r) {
        return r.percent();
    }

    static String perTech(Ratio r) {
        return r.value().isPresent() ? String.format(java.util.Locale.ROOT, "%.1f", r.value().getAsDouble()) : "—";
    }
}
