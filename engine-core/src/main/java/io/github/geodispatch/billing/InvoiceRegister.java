package io.github.geodispatch.billing;

import io.github.geodispatch.spi.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The sales register an accountant imports (Tally, Zoho Books, a spreadsheet): one CSV row per invoice
 * with number, date, job, branch, supply type, buyer name and tax id, place of supply, the SAC/HSN codes,
 * currency, taxable value, one column per tax head of the regime ({@code cgst, sgst, utgst, igst} for GST,
 * {@code vat} for Kenya), round-off, total, paid, amount due and what covered the job. Amounts are plain
 * decimals; fields are quoted per RFC 4180 when they hold a comma, quote or line break; rows are in
 * invoice-number order. Stateless and thread-safe.
 */
public final class InvoiceRegister {
    private InvoiceRegister() {}

    /** The register of the invoices dated {@code day}. */
    public static String csvForDay(Collection<Invoice> invoices, LocalDate day, TaxRegime regime) {
        Objects.requireNonNull(day, "day");
        return csv(invoices.stream().filter(invoice -> invoice.date().equals(day)).collect(Collectors.toList()), regime);
    }

    /** The register of {@code invoices}, which must all be of {@code regime}. */
    public static String csv(Collection<Invoice> invoices, TaxRegime regime) {
        StringBuilder out = new StringBuilder(header(regime));
        List<Invoice> sorted = new ArrayList<>(invoices);
        sorted.sort(Comparator.comparing(Invoice::number));
        for (Invoice invoice : sorted) {
            out.append(row(invoice, regime));
        }
        return out.toString();
    }

    /**
     * The register's first line, ended by CR LF. With {@link #row} it writes a register incrementally: the header,
     * then the rows in invoice-number order ({@link String#compareTo} of the numbers), make what {@link #csv} makes.
     */
    public static String header(TaxRegime regime) {
        List<String> header = new ArrayList<>(List.of("invoice_no", "invoice_date", "job", "branch", "supply_type",
                "buyer_name", "buyer_tax_id", "place_of_supply", "hsn_sac", "currency", "taxable_value"));
        for (String head : regime.taxHeads()) {
            header.add(head.toLowerCase(Locale.ROOT));
        }
        header.addAll(List.of("round_off", "total", "paid", "amount_due", "covered_by"));
        StringBuilder out = new StringBuilder();
        row(out, header);
        return out.toString();
    }

    /** The register's line of {@code invoice}, which must be of {@code regime}, ended by CR LF (see {@link #header}). */
    public static String row(Invoice invoice, TaxRegime regime) {
        if (!invoice.regime().equals(regime.name())) {
            throw new BillingException("invoice " + invoice.number() + " is under " + invoice.regime() + ", not "
                    + regime.name());
        }
        List<String> cells = new ArrayList<>();
        cells.add(invoice.number());
        cells.add(invoice.date().toString());
        cells.add(invoice.job().value());
        cells.add(invoice.branch().value());
        cells.add(invoice.supplyType());
        cells.add(invoice.buyer().legalName());
        cells.add(invoice.buyer().taxId() == null ? "" : invoice.buyer().taxId());
        cells.add(invoice.placeOfSupplyLabel());
        cells.add(invoice.lines().stream().map(InvoiceLine::code).distinct().collect(Collectors.joining(" ")));
        cells.add(invoice.currency().name());
        cells.add(amount(invoice.taxableValue()));
        for (String head : regime.taxHeads()) {
            cells.add(amount(invoice.tax(head)));
        }
        cells.add(amount(invoice.roundOff()));
        cells.add(amount(invoice.total()));
        cells.add(amount(invoice.paid()));
        cells.add(amount(invoice.amountDue()));
        cells.add(invoice.lines().stream().map(InvoiceLine::coveredBy).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining("; ")));
        StringBuilder out = new StringBuilder();
        row(out, cells);
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String amount(Money money) {
        return money.toPlainString();
    }
}
