package io.github.geodispatch.billing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The two-digit state codes of Indian GST: the first two digits of a GSTIN and the place of supply of an
 * invoice. Besides the states and union territories it holds the special codes 96 (a foreign country:
 * a place of supply, never a registration), 97 (Other Territory) and 99 (Centre Jurisdiction), and the
 * legacy codes 25 (Daman and Diu before the 2020 merger) and 28 (Andhra Pradesh before 2014), which
 * still appear on older documents. Immutable and thread-safe.
 */
public enum GstState {
    JAMMU_AND_KASHMIR("01", "Jammu and Kashmir", Kind.STATE),
    HIMACHAL_PRADESH("02", "Himachal Pradesh", Kind.STATE),
    PUNJAB("03", "Punjab", Kind.STATE),
    CHANDIGARH("04", "Chandigarh", Kind.UNION_TERRITORY),
    UTTARAKHAND("05", "Uttarakhand", Kind.STATE),
    HARYANA("06", "Haryana", Kind.STATE),
    DELHI("07", "Delhi", Kind.STATE),
    RAJASTHAN("08", "Rajasthan", Kind.STATE),
    UTTAR_PRADESH("09", "Uttar Pradesh", Kind.STATE),
    BIHAR("10", "Bihar", Kind.STATE),
    SIKKIM("11", "Sikkim", Kind.STATE),
    ARUNACHAL_PRADESH("12", "Arunachal Pradesh", Kind.STATE),
    NAGALAND("13", "Nagaland", Kind.STATE),
    MANIPUR("14", "Manipur", Kind.STATE),
    MIZORAM("15", "Mizoram", Kind.STATE),
    TRIPURA("16", "Tripura", Kind.STATE),
    MEGHALAYA("17", "Meghalaya", Kind.STATE),
    ASSAM("18", "Assam", Kind.STATE),
    WEST_BENGAL("19", "West Bengal", Kind.STATE),
    JHARKHAND("20", "Jharkhand", Kind.STATE),
    ODISHA("21", "Odisha", Kind.STATE),
    CHHATTISGARH("22", "Chhattisgarh", Kind.STATE),
    MADHYA_PRADESH("23", "Madhya Pradesh", Kind.STATE),
    GUJARAT("24", "Gujarat", Kind.STATE),
    DAMAN_AND_DIU("25", "Daman and Diu", Kind.UNION_TERRITORY),
    DADRA_NAGAR_HAVELI_DAMAN_DIU("26", "Dadra and Nagar Haveli and Daman and Diu", Kind.UNION_TERRITORY),
    MAHARASHTRA("27", "Maharashtra", Kind.STATE),
    ANDHRA_PRADESH_BEFORE_2014("28", "Andhra Pradesh (before division)", Kind.STATE),
    KARNATAKA("29", "Karnataka", Kind.STATE),
    GOA("30", "Goa", Kind.STATE),
    LAKSHADWEEP("31", "Lakshadweep", Kind.UNION_TERRITORY),
    KERALA("32", "Kerala", Kind.STATE),
    TAMIL_NADU("33", "Tamil Nadu", Kind.STATE),
    PUDUCHERRY("34", "Puducherry", Kind.STATE),
    ANDAMAN_AND_NICOBAR("35", "Andaman and Nicobar Islands", Kind.UNION_TERRITORY),
    TELANGANA("36", "Telangana", Kind.STATE),
    ANDHRA_PRADESH("37", "Andhra Pradesh", Kind.STATE),
    LADAKH("38", "Ladakh", Kind.UNION_TERRITORY),
    FOREIGN_COUNTRY("96", "Foreign Country", Kind.FOREIGN),
    OTHER_TERRITORY("97", "Other Territory", Kind.UNION_TERRITORY),
    CENTRE_JURISDICTION("99", "Centre Jurisdiction", Kind.CENTRE);

    /**
     * What a code stands for. {@code STATE} covers the states and the union territories with a
     * legislature (Delhi, Puducherry), which levy SGST; {@code UNION_TERRITORY} levies UTGST instead.
     */
    public enum Kind { STATE, UNION_TERRITORY, FOREIGN, CENTRE }

    private static final Map<String, GstState> BY_CODE = new HashMap<>();

    static {
        for (GstState state : values()) {
            BY_CODE.put(state.code, state);
        }
    }

    private final String code;
    private final String displayName;
    private final Kind kind;

    GstState(String code, String displayName, Kind kind) {
        this.code = code;
        this.displayName = displayName;
        this.kind = kind;
    }

    /** The two-digit code, e.g. {@code "29"}. */
    public String code() {
        return code;
    }

    /** The name as printed on invoices, e.g. {@code "Karnataka"}. */
    public String displayName() {
        return displayName;
    }

    public Kind kind() {
        return kind;
    }

    /** True when a GSTIN may carry this code (every code but 96, a foreign country). */
    public boolean registrable() {
        return kind != Kind.FOREIGN;
    }

    /** True when an invoice may name this code as its place of supply (every code but 99). */
    public boolean placeOfSupply() {
        return kind != Kind.CENTRE;
    }

    /** True when a supply inside this territory is taxed CGST + UTGST rather than CGST + SGST. */
    public boolean leviesUtgst() {
        return kind == Kind.UNION_TERRITORY;
    }

    /** The state of a two-digit code ({@code "29"}; a single digit such as {@code "7"} is read as 07). */
    public static Optional<GstState> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String trimmed = code.trim();
        return Optional.ofNullable(BY_CODE.get(trimmed.length() == 1 ? "0" + trimmed : trimmed));
    }

    /** The state of {@code code}, or a {@link BillingException} naming the bad code. */
    public static GstState of(String code) {
        return byCode(code).orElseThrow(() -> new BillingException("unknown GST state code '" + code + "'"));
    }

    /** {@code "29-Karnataka"}: how accounting packages print a place of supply. */
    public String label() {
        return code + "-" + displayName;
    }
}
