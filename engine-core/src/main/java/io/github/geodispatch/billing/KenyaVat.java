package io.github.geodispatch.billing;
import io.github.geodispatch.billing.internal.Amounts;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.Money;
import java.math.BigDecimal;
import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Kenya's value added tax: one head, {@code VAT}, at the standard 16% unless the table says otherwise
 * for a code (zero-rated or exempt items); no place-of-supply split. Registered parties carry a KRA PIN
 * (a letter A or P, nine digits, a letter). Totals are rounded to the whole shilling, as M-Pesa moves
 * whole shillings. Financial years follow the calendar year. Immutable and thread-safe.
 */
public final class KenyaVat implements TaxRegime {
    /** The standard rate, 16%, in basis points. */
    public static final int STANDARD_RATE = 1600;
    private static final Pattern KRA_PIN = Pattern.compile("[AP][0-9]{9}[A-Z]");

    private final TaxTable table;

    public KenyaVat(TaxTable table) {
        this.table = Objects.requireNonNull(table, "tax table");
        if (table.find(null).isEmpty()) {
            throw new IllegalArgumentException("a VAT table needs a default rate (the standard rate)");
        }
    }

    /** VAT at 16% on everything. */
    public static KenyaVat standard() {
        return new KenyaVat(TaxTable.builder().defaultRate(STANDARD_RATE).build());
    }

    @Override
    public String name() {
        return "Kenya VAT";
    }

    @Override
    public Currency currency() {
        return Currency.KES;
    }

    @Override
    public Month financialYearStart() {
        return Month.JANUARY;
    }

    @Override
    public List<String> taxHeads() {
        return List.of("VAT");
    }

    @Override
    public Party canonical(Party party) {
        if (!party.registered()) {
            return party;
        }
        String pin = party.taxId().toUpperCase(Locale.ROOT);
        if (!KRA_PIN.matcher(pin).matches()) {
            throw new BillingException("KRA PIN '" + party.taxId() + "' of '" + party.legalName()
                    + "' must be A or P, nine digits and a letter");
        }
        return party.withTaxId(pin);
    }

    @Override
    public String placeOfSupply(String region) {
        if (region == null || region.isBlank()) {
            throw new BillingException("place of supply must not be blank");
        }
        return region.strip();
    }

    @Override
    public String describeRegion(String region) {
        return region;
    }

    @Override
    public int rateFor(String code) {
        return table.rateFor(code);
    }

    @Override
    public List<TaxComponent> taxes(Money taxableValue, int rateBasisPoints, String sellerRegion,
                                    String placeOfSupply) {
        BigDecimal rate = BigDecimal.valueOf(rateBasisPoints, 2);
        return List.of(new TaxComponent("VAT", rate, Amounts.percent(taxableValue, rate)));
    }

    @Override
    public Money roundOff(Money exactTotal) {
        return Amounts.toWholeUnits(exactTotal);
    }
}
