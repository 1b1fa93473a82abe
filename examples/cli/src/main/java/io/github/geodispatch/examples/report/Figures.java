package io.github.geodispatch.examples.report;

import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.Money;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Every number on the owner's page, written one way. Digit grouping follows the business's currency: Indian grouping
 * for rupees (12,34,567 and ₹12,34,567, counts included), Western grouping otherwise (KES 1,234,567). Amounts show
 * their minor units only when there are some (₹599, ₹599.50). Times are in the business's zone. Immutable and
 * thread-safe.
 */
public final class Figures {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM, h:mm a", Locale.ENGLISH);

    private final Currency currency;
    private final ZoneId zone;
    private final boolean indian;

    public Figures(Currency currency, ZoneId zone) {
        this.currency = currency;
        this.zone = zone;
        this.indian = currency == Currency.INR;
    }

    /** A count with the business's grouping: {@code 350090} → "3,50,090" (INR) or "350,090". */
    public String count(long n) {
        String digits = n < 0 ? Long.toString(n).substring(1) : Long.toString(n); // Math.abs(Long.MIN_VALUE) < 0
        return (n < 0 ? "-" : "") + (indian ? indianGroups(digits) : westernGroups(digits));
    }

    /** An amount: "₹1,23,456", "₹599.50", "-₹350", "KES 1,234,567". */
    public String money(Money m) {
        if (!m.currency().equals(currency)) {
            throw new IllegalArgumentException(m + " is not in " + currency);
        }
        long abs = Math.abs(m.minor());
        int digits = currency.minorDigits();
        long unit = (long) Math.pow(10, digits);
        String whole = count(abs / unit);
        String fraction = abs % unit == 0 ? "" : "." + String.format(Locale.ROOT, "%0" + digits + "d", abs % unit);
        String symbol = indian ? "₹" : currency.name() + " ";
        return (m.minor() < 0 ? "-" : "") + symbol + whole + fraction;
    }

    /** A signed change for a "vs yesterday" line: "+₹12,750", "-₹3,200", "±₹0". */
    public String moneyChange(Money change) {
        return (change.isPositive() ? "+" : change.isZero() ? "±" : "") + money(change);
    }

    /** A signed count change: "+12", "-3", "±0". */
    public String countChange(long change) {
        return (change > 0 ? "+" : change == 0 ? "±" : "") + count(change);
    }

    /**
     * A whole percentage, rounded down so that 99.6% never shows as 100% while something was missed; "—" with nothing
     * measured.
     */
    public String percent(OptionalDouble ratio) {
        return ratio.isPresent() ? count((long) Math.floor(ratio.getAsDouble() * 100 + 1e-9)) + "%" : "—";
    }

    /** A distance: "48.3 km" (grouped whole kilometres above 100). */
    public String km(long metres) {
        long tenths = Math.round(metres / 100.0);
        return tenths >= 1000 ? count(Math.round(metres / 1000.0)) + " km" : (tenths / 10) + "." + (tenths % 10) + " km";
    }

    /** A time of day in the business's zone: "15 Mar, 9:12 am". */
    public String time(Instant at) {
        return TIME.format(at.atZone(zone)).replace("AM", "am").replace("PM", "pm");
    }

    /** How long ago, in the owner's words: "45 min", "5 h", "3 days". */
    public String age(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return count(minutes) + " min";
        }
        if (minutes < 48 * 60) {
            return count(minutes / 60) + " h";
        }
        return count(minutes / (24 * 60)) + " days";
    }

    private static String indianGroups(String digits) {
        if (digits.length() <= 3) {
            return digits;
        }
        String head = digits.substring(0, digits.length() - 3);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < head.length(); i++) {
            if (i > 0 && (head.length() - i) % 2 == 0) {
                b.append(',');
            }
            b.append(head.charAt(i));
        }
        return b + "," + digits.substring(digits.length() - 3);
    }

    private static String westernGroups(String digits) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }
}
