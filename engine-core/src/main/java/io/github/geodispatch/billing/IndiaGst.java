package io.github.geodispatch.billing;
import io.github.geodispatch.billing.internal.Amounts;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.Money;
import java.math.BigDecimal;
import java.time.Month;
import java.util.List;
import java.util.Objects;

/**
 * India's Goods and Services Tax. A supply whose place of supply is the seller's own state is taxed
 * half CGST and half SGST (UTGST in a union territory without a legislature), each rounded to the
 * paisa on its own, so the two are always equal; any other place of supply (another state, or 96 for
 * a foreign country) is taxed IGST at the full rate. Parties carry GSTINs and two-digit state codes; a
 * buyer's GSTIN must be registered in the state of the buyer's address. The invoice total is rounded to
 * the rupee with a round-off line. Financial years run April to March. Immutable and thread-safe.
 */
public final class IndiaGst implements TaxRegime {
    private final TaxTable table;

    public IndiaGst(TaxTable table) {
        this.table = Objects.requireNonNull(table, "tax table");
    }

    /** GST with {@link TaxTable#indiaDefaults()}. */
    public static IndiaGst withDefaultRates() {
        return new IndiaGst(TaxTable.indiaDefaults());
    }

    @Override
    public String name() {
        return "India GST";
    }

    @Override
    public Currency currency() {
        return Currency.INR;
    }

    @Override
    public Month financialYearStart() {
        return Month.APRIL;
    }

    @Override
    public List<String> taxHeads() {
        return List.of("CGST", "SGST", "UTGST", "IGST");
    }

    @Override
    public Party canonical(Party party) {
        GstState state = GstState.byCode(party.region()).orElseThrow(() -> new BillingException(
                "'" + party.legalName() + "' has unknown GST state code '" + party.region() + "'"));
        if (!party.registered()) {
            return party.withRegion(state.code());
        }
        Gstin gstin;
        try {
            gstin = Gstin.parse(party.taxId());
        } catch (InvalidGstinException e) {
            throw new BillingException("GSTIN '" + party.taxId() + "' of '" + party.legalName() + "' is invalid: "
                    + e.getMessage(), e);
        }
        if (!gstin.stateCode().equals(state.code())) {
            throw new BillingException("GSTIN " + gstin + " of '" + party.legalName() + "' is registered in "
                    + gstin.state().label() + " but the address is in " + state.label());
        }
        return party.withTaxId(gstin.value()).withRegion(state.code());
    }

    @Override
    public String placeOfSupply(String region) {
        GstState state = GstState.byCode(region).orElseThrow(() -> new BillingException(
                "unknown GST state code '" + region + "' as place of supply"));
        if (!state.placeOfSupply()) {
            throw new BillingException(state.label() + " cannot be a place of supply");
        }
        return state.code();
    }

    @Override
    public String describeRegion(String region) {
        return GstState.of(region).label();
    }

    @Override
    public int rateFor(String code) {
        return table.rateFor(code);
    }

    @Override
    public List<TaxComponent> taxes(Money taxableValue, int rateBasisPoints, String sellerRegion,
                                    String placeOfSupply) {
        GstState seller = GstState.of(sellerRegion);
        GstState place = GstState.of(placeOfSupply);
        if (!place.placeOfSupply()) {
            throw new BillingException(place.label() + " cannot be a place of supply");
        }
        BigDecimal rate = BigDecimal.valueOf(rateBasisPoints, 2);
        if (seller == place) {
            BigDecimal half = rate.divide(BigDecimal.valueOf(2));
            Money each = Amounts.percent(taxableValue, half);
            String stateHead = seller.leviesUtgst() ? "UTGST" : "SGST";
            return List.of(new TaxComponent("CGST", half, each), new TaxComponent(stateHead, half, each));
        }
        return List.of(new TaxComponent("IGST", rate, Amounts.percent(taxableValue, rate)));
    }

    @Override
    public Money roundOff(Money exactTotal) {
        return Amounts.toWholeUnits(exactTotal);
    }
}
