package io.github.geodispatch.examples.cityday;

import io.github.geodispatch.insight.Ratio;
import io.github.geodispatch.spi.Money;

import java.time.Duration;
import java.util.Optional;

/** Text formats for the dashboard and the report. Stateless and thread-safe. */
final class Fmt {
    private Fmt() {}

    /** Rupees with Indian digit grouping and no paise, e.g. {@code ₹4,21,300}. */
    static String inr(Money m) {
        long rupees = Math.round(m.minor() / 100.0);
        String sign = rupees < 0 ? "-" : "";
        String digits = Long.toString(Math.abs(rupees));
        if (digits.length() <= 3) {
            return sign + "₹" + digits;
        }
        String last3 = digits.substring(digits.length() - 3);
        String rest = digits.substring(0, digits.length() - 3);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rest.length(); i++) {
            if (i > 0 && (rest.length() - i) % 2 == 0) {
                b.append(',');
            }
            b.append(rest.charAt(i));
        }
        return sign + "₹" + b + "," + last3;
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
