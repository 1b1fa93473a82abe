package io.github.geodispatch.payment;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.StatementCredit;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a UPI/PSP settlement report (CSV, UTF-8, a header row, columns in any order):
 * <table>
 * <caption>columns</caption>
 * <tr><th>column</th><th>required</th><th>meaning</th></tr>
 * <tr><td>{@code utr}</td><td>yes</td><td>the 12-digit UTR/RRN (the idempotency key)</td></tr>
 * <tr><td>{@code settled_at}</td><td>yes</td><td>ISO-8601 date-time with offset of the credit</td></tr>
 * <tr><td>{@code amount}</td><td>yes</td><td>decimal, at most two places, e.g. {@code 1499.00}</td></tr>
 * <tr><td>{@code currency}</td><td>no</td><td>ISO code, default {@code INR}</td></tr>
 * <tr><td>{@code tr}</td><td>no</td><td>the transaction reference from the intent link (job or invoice)</td></tr>
 * <tr><td>{@code payer_vpa}</td><td>no</td><td>the payer's VPA</td></tr>
 * <tr><td>{@code status}</td><td>no</td><td>{@code SUCCESS} (default); any other row is not a credit and is skipped</td></tr>
 * </table>
 * A row with a missing or malformed value is reported with its row number and skipped; a UTR seen again in
 * the same file is skipped (the same credit twice) unless its amount differs, which is reported.
 * Stateless and thread-safe.
 */
public final class SettlementCsv {
    /** The source name the credits carry. */
    public static final String SOURCE = "UPI";
    private static final CsvMapper CSV = new CsvMapper();
    private static final Set<String> REQUIRED = Set.of("utr", "settled_at", "amount");

    private SettlementCsv() {}

    public static StatementImport read(Reader in) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<StatementCredit> credits = new ArrayList<>();
        List<StatementImport.RowProblem> problems = new ArrayList<>();
        Map<String, StatementCredit> seen = new HashMap<>();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(schema).readValues(in)) {
            long row = 0;
            while (rows.hasNextValue()) {
                Map<String, String> values = rows.nextValue();
                row++;
                if (row == 1) {
                    for (String column : REQUIRED) {
                        if (!values.containsKey(column)) {
                            throw new IllegalArgumentException("settlement CSV has no '" + column
                                    + "' column (needs utr, settled_at, amount)");
                        }
                    }
                }
                String status = blankToNull(values.get("status"));
                if (status != null && !status.equalsIgnoreCase("SUCCESS")) {
                    continue;
                }
                try {
                    StatementCredit credit = credit(values);
                    StatementCredit before = seen.putIfAbsent(credit.reference(), credit);
                    if (before == null) {
                        credits.add(credit);
                    } else if (!before.amount().equals(credit.amount())) {
                        problems.add(new StatementImport.RowProblem(row, "UTR " + credit.reference()
                                + " appears again with a different amount " + credit.amount()));
                    }
                } catch (IllegalArgumentException | DateTimeException e) {
                    problems.add(new StatementImport.RowProblem(row, e.getMessage()));
                }
            }
        }
        return new StatementImport(credits, problems);
    }

    private static StatementCredit credit(Map<String, String> values) {
        String utr = blankToNull(values.get("utr"));
        if (utr == null || !utr.matches("\\d{12}")) {
            throw new IllegalArgumentException("utr must be 12 digits, was '" + utr + "'");
        }
        String at = blankToNull(values.get("settled_at"));
        if (at == null) {
            throw new IllegalArgumentException("settled_at is missing");
        }
        String currency = blankToNull(values.get("currency"));
        Money amount = Money.parse(values.get("amount"), currency == null ? Currency.INR : Currency.parse(currency));
        amount.requireAmount("amount");
        return new StatementCredit(SOURCE, utr, OffsetDateTime.parse(at).toInstant(), amount,
                blankToNull(values.get("tr")), blankToNull(values.get("payer_vpa")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
