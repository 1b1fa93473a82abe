package io.github.geodispatch.billing;
import io.github.geodispatch.spi.Currency;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The GST e-invoice of a B2B invoice: the JSON an Invoice Registration Portal accepts (schema INV-01,
 * version 1.1), without the IRN the portal assigns. Text is cleaned to the schema's rules (no {@code "}
 * or {@code \}, lengths cut to the maximum, a long address split over Addr1 and Addr2); a phone or email
 * the schema would reject is left out. Amounts are written as decimal numbers with two places.
 * Stateless and thread-safe.
 */
public final class EInvoiceJson {
    /** The schema version written in {@code Version}. */
    public static final String VERSION = "1.1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Pattern EMAIL = Pattern.compile("[a-zA-Z0-9+_.-]+@[a-zA-Z0-9.-]+");

    private EInvoiceJson() {}

    /** The e-invoice of {@code invoice}; a {@link BillingException} when it is not a domestic B2B GST invoice. */
    static ObjectNode toJson(Invoice invoice) {
        if (!invoice.b2b()) {
            throw new BillingException("invoice " + invoice.number() + " is B2C; e-invoices are for B2B supplies");
        }
        if (invoice.currency() != Currency.INR || GstState.byCode(invoice.placeOfSupply()).isEmpty()) {
            throw new BillingException("invoice " + invoice.number() + " is not an Indian GST invoice");
        }
        if (GstState.of(invoice.placeOfSupply()) == GstState.FOREIGN_COUNTRY) {
            throw new BillingException("invoice " + invoice.number() + " is an export; export e-invoices are not supported");
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("Version", VERSION);
        ObjectNode tran = root.putObject("TranDtls");
        tran.put("TaxSch", "GST");
        tran.put("SupTyp", "B2B");
        tran.put("RegRev", "N");
        tran.put("IgstOnIntra", "N");
        ObjectNode doc = root.putObject("DocDtls");
        doc.put("Typ", "INV");
        doc.put("No", invoice.number());
        doc.put("Dt", DATE.format(invoice.date()));
        party(root.putObject("SellerDtls"), invoice.seller(), null);
        party(root.putObject("BuyerDtls"), invoice.buyer(), invoice.placeOfSupply());
        ArrayNode items = root.putArray("ItemList");
        for (InvoiceLine line : invoice.lines()) {
            ObjectNode item = items.addObject();
            item.put("SlNo", Integer.toString(line.number()));
            String description = line.coveredBy() == null ? line.description()
                    : line.description() + " - " + line.coveredBy();
            item.put("PrdDesc", text(description, 300));
            item.put("IsServc", line.service() ? "Y" : "N");
            item.put("HsnCd", line.code());
            item.put("Qty", line.quantity());
            item.put("Unit", line.unit());
            item.put("UnitPrice", line.unitPrice().toBigDecimal());
            item.put("TotAmt", line.taxableValue().toBigDecimal());
            item.put("AssAmt", line.taxableValue().toBigDecimal());
            item.put("GstRt", percent(line.rateBasisPoints()));
            item.put("IgstAmt", line.tax("IGST").toBigDecimal());
            item.put("CgstAmt", line.tax("CGST").toBigDecimal());
            item.put("SgstAmt", line.tax("SGST").plus(line.tax("UTGST")).toBigDecimal());
            item.put("TotItemVal", line.total().toBigDecimal());
        }
        ObjectNode values = root.putObject("ValDtls");
        values.put("AssVal", invoice.taxableValue().toBigDecimal());
        values.put("CgstVal", invoice.tax("CGST").toBigDecimal());
        values.put("SgstVal", invoice.tax("SGST").plus(invoice.tax("UTGST")).toBigDecimal());
        values.put("IgstVal", invoice.tax("IGST").toBigDecimal());
        values.put("RndOffAmt", invoice.roundOff().toBigDecimal());
        values.put("TotInvVal", invoice.total().toBigDecimal());
        ObjectNode pay = root.putObject("PayDtls");
        pay.put("PaidAmt", invoice.paid().toBigDecimal());
        pay.put("PaymtDue", invoice.amountDue().toBigDecimal());
        root.putObject("RefDtls").put("InvRm", text("Service job " + invoice.job(), 100));
        return root;
    }

    /** {@link #toJson} as pretty-printed text. */
    public static String write(Invoice invoice) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(invoice));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write e-invoice " + invoice.number(), e);
        }
    }

    private static void party(ObjectNode node, Party party, String placeOfSupply) {
        node.put("Gstin", party.taxId());
        node.put("LglNm", name(party.legalName(), "legal name"));
        String tradeName = party.tradeName() == null ? "" : text(party.tradeName(), 100);
        if (length(tradeName) >= 3) {
            node.put("TrdNm", tradeName);
        }
        if (placeOfSupply != null) {
            node.put("Pos", placeOfSupply);
        }
        String address = text(party.address(), 200);
        node.put("Addr1", prefix(address, 100));
        String line2 = address.substring(cut(address, 100)).strip();
        if (length(line2) >= 3) {
            node.put("Addr2", line2);
        }
        node.put("Loc", name(party.city(), "city"));
        if (party.postalCode() == null || !party.postalCode().matches("[1-9]\\d{5}")) {
            throw new BillingException("'" + party.legalName() + "' needs a 6-digit PIN code for an e-invoice, has '"
                    + party.postalCode() + "'");
        }
        node.put("Pin", Integer.parseInt(party.postalCode()));
        node.put("Stcd", party.region());
        if (party.phone() != null) {
            String digits = party.phone().replaceAll("\\D", "");
            if (digits.length() >= 6 && digits.length() <= 12) {
                node.put("Ph", digits);
            }
        }
        if (party.email() != null && party.email().length() >= 6 && party.email().length() <= 100
                && EMAIL.matcher(party.email()).matches()) {
            node.put("Em", party.email());
        }
    }

    private static String name(String value, String what) {
        String cleaned = text(value, 100);
        if (length(cleaned) < 3) {
            throw new BillingException("e-invoice " + what + " '" + value + "' must be at least 3 characters");
        }
        return cleaned;
    }

    /** Without the characters the schema forbids, on one line, at most {@code max} characters. */
    private static String text(String value, int max) {
        return prefix(value.replace('"', '\'').replace('\\', '/').replaceAll("\\s+", " ").strip(), max);
    }

    /**
     * Its length as the schema counts it: in characters (code points), so an emoji is one. Java's {@code length()}
     * counts it twice, and cutting there could leave half of one, which no UTF-8 file can hold.
     */
    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /** Where the first {@code max} characters of {@code value} end (all of it when shorter). */
    private static int cut(String value, int max) {
        return length(value) <= max ? value.length() : value.offsetByCodePoints(0, max);
    }

    /** The first {@code max} characters of {@code value}; stripped when cut. */
    private static String prefix(String value, int max) {
        int end = cut(value, max);
        return end == value.length() ? value : value.substring(0, end).strip();
    }

    /** 1800 basis points as {@code 18}, 25 as {@code 0.25}. */
    static BigDecimal percent(int basisPoints) {
        BigDecimal rate = BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros();
        return rate.scale() < 0 ? rate.setScale(0) : rate;
    }
}
