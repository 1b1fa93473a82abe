package io.github.geodispatch.billing;
import io.github.geodispatch.spi.Money;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The invoice document handed to accounts: every line with its code, taxable value, taxes and cover,
 * the totals by tax head, the round-off, total, amount paid and due, and the payment link. Amounts are
 * strings with exactly the currency's decimals ({@code "1499.00"}), so nothing passes through floating
 * point. Stateless and thread-safe.
 */
public final class InvoiceJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InvoiceJson() {}

    static ObjectNode toJson(Invoice invoice) {
        ObjectNode root = JSON.createObjectNode();
        root.put("invoice_no", invoice.number());
        root.put("date", invoice.date().toString());
        root.put("job", invoice.job().value());
        root.put("branch", invoice.branch().value());
        root.put("regime", invoice.regime());
        root.put("supply_type", invoice.supplyType());
        root.put("currency", invoice.currency().name());
        party(root.putObject("seller"), invoice.seller());
        party(root.putObject("buyer"), invoice.buyer());
        root.put("place_of_supply", invoice.placeOfSupply());
        root.put("place_of_supply_name", invoice.placeOfSupplyLabel());
        ArrayNode lines = root.putArray("lines");
        for (InvoiceLine line : invoice.lines()) {
            ObjectNode node = lines.addObject();
            node.put("no", line.number());
            node.put("kind", line.kind().name());
            node.put("sku", line.sku());
            node.put("description", line.description());
            node.put(line.service() ? "sac" : "hsn", line.code());
            node.put("quantity", line.quantity());
            node.put("unit", line.unit());
            node.put("unit_price", amount(line.unitPrice()));
            node.put("taxable_value", amount(line.taxableValue()));
            node.put("rate_percent", EInvoiceJson.percent(line.rateBasisPoints()).toPlainString());
            ArrayNode taxes = node.putArray("taxes");
            for (TaxComponent tax : line.taxes()) {
                taxes.addObject().put("head", tax.head()).put("rate_percent", tax.ratePercent().toPlainString())
                        .put("amount", amount(tax.amount()));
            }
            node.put("total", amount(line.total()));
            node.put("covered_by", line.coveredBy());
        }
        root.put("taxable_value", amount(invoice.taxableValue()));
        ObjectNode taxes = root.putObject("taxes");
        invoice.taxTotals().forEach((head, total) -> taxes.put(head, amount(total)));
        root.put("round_off", amount(invoice.roundOff()));
        root.put("total", amount(invoice.total()));
        root.put("paid", amount(invoice.paid()));
        root.put("amount_due", amount(invoice.amountDue()));
        root.put("payment_link", invoice.paymentLink());
        return root;
    }

    /** {@link #toJson} as pretty-printed text. */
    public static String write(Invoice invoice) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(invoice));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write invoice " + invoice.number(), e);
        }
    }

    private static void party(ObjectNode node, Party party) {
        node.put("legal_name", party.legalName());
        node.put("trade_name", party.tradeName());
        node.put("tax_id", party.taxId());
        node.put("address", party.address());
        node.put("city", party.city());
        node.put("postal_code", party.postalCode());
        node.put("region", party.region());
        node.put("phone", party.phone());
        node.put("email", party.email());
    }

    private static String amount(Money money) {
        return money.toPlainString();
    }
}
