package io.github.geodispatch.stock;

import io.github.geodispatch.spi.Money;
import io.github.geodispatch.text.internal.CsvField;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes stock levels and parts margins as CSV (RFC 4180, a header row, {@code \n} line ends, money as a plain
 * decimal in the currency's minor digits; a SKU a spreadsheet would read as a formula starts with an apostrophe,
 * {@code docs/formats.md#csv-fields}):
 * <ul>
 *   <li>{@code stock.csv}: {@code location,sku,qty,value}, one row per holding, by location and SKU;</li>
 *   <li>{@code margin.csv}: {@code level,group,revenue,cost,margin}, the {@code total} row, then one row per
 *       {@code branch}, {@code technician} and {@code job}, each by group.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class StockCsv {
    private StockCsv() {}

    /** Writes {@code stock.csv} to {@code out} (not closed). */
    public static void writeLevels(List<StockLevel> levels, Writer out) throws IOException {
        out.write("location,sku,qty,value\n");
        for (StockLevel l : levels) {
            out.write(CsvField.value(l.location().value()));
            out.write(',');
            out.write(CsvField.text(l.sku()));
            out.write(',');
            out.write(Long.toString(l.quantity()));
            out.write(',');
            out.write(l.value().toPlainString());
            out.write('\n');
        }
    }

    /** Writes {@code margin.csv} to {@code out} (not closed). */
    public static void writeMargin(MarginReport report, Writer out) throws IOException {
        out.write("level,group,revenue,cost,margin\n");
        row(out, "total", report.total());
        rows(out, "branch", report.byBranch());
        rows(out, "technician", report.byTechnician());
        rows(out, "job", report.byJob());
    }

    private static void rows(Writer out, String level, List<MarginLine> lines) throws IOException {
        for (MarginLine line : lines) {
            row(out, level, line);
        }
    }

    private static void row(Writer out, String level, MarginLine line) throws IOException {
        out.write(level);
        out.write(',');
        out.write(CsvField.value(line.group())); // an id, or - for none
        for (Money m : new Money[] {line.revenue(), line.cost(), line.margin()}) {
            out.write(',');
            out.write(m.toPlainString());
        }
        out.write('\n');
    }
}
