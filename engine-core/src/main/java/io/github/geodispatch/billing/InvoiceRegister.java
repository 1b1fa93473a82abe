package io.github.geodispatch.billing;

import io.github.geodispatch.spi.Money;
import io.github.geodispatch.text.internal.CsvField;
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
 * decimals; fields are quoted per RFC 4180 when they hold a comma, quote or line break, and a text field a
 * spreadsheet would read as a formula starts with an apostrophe ({@code docs/formats.md#csv-fields}); rows are in
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
        row(out, header.stream().map(CsvField::value).toList());
        return out.toString();
    }

    /** The register's line of {@code invoice}, which must be of {@code regime}, ended by CR LF (see {@link #header}). */
    public static String row(Invoice invoice, TaxRegime regime) {
        if (!invoice.regime().equals(regime.name())) {
            throw new BillingException("invoice " + invoice.number() + " is under " + invoice.regime() + ", not "
                    + regime.name());
        }
        List<String> cells = new ArrayList<>();
        cells.add(CsvField.text(invoice.number()));
        cells.add(CsvField.value(invoice.date().toString()));
        cells.add(CsvField.text(invoice.job().value()));
        cells.add(CsvField.text(invoice.branch().value()));
        cells.add(CsvField.text(invoice.supplyType()));
        cells.add(CsvField.text(invoice.buyer().legalName()));
        cells.add(CsvField.text(invoice.buyer().taxId() == null ? "" : invoice.buyer().taxId()));
        cells.add(CsvField.text(invoice.placeOfSupplyLabel()));
        cells.add(CsvField.text(invoice.lines().stream().map(InvoiceLine::code).distinct().collect(Collectors.joining(" "))));
        cells.add(CsvField.value(invoice.currency().name()));
        cells.add(amount(invoice.taxableValue()));
        for (String head : regime.taxHeads()) {
            cells.add(amount(invoice.tax(head)));
        }
        cells.add(amount(invoice.roundOff()));
        cells.add(amount(invoice.total()));
        cells.add(amount(invoice.paid()));
        cells.add(amount(invoice.amountDue()));
        cells.add(CsvField.text(invoice.lines().stream().map(InvoiceLine::coveredBy).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining("; "))));
        StringBuilder out = new StringBuilder();
        row(out, cells);
        return out.toString();
    }

    /** Appends {@code cells}, each already a CSV field, as one line. */
    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cells.get(i));
        }
        out.append("\r\n");
    }

    private static String amount(Money money) {
        return CsvField.value(money.toPlainString());
    }
}
