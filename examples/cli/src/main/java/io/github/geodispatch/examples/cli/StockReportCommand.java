package io.github.geodispatch.examples.cli;

import io.github.geodispatch.examples.OutputException;
import io.github.geodispatch.examples.OutputFiles;
import io.github.geodispatch.journal.JournalProblem;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.leakage.FindingsJsonl;
import io.github.geodispatch.spi.Currency;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.stock.MarginLine;
import io.github.geodispatch.stock.StockAudit;
import io.github.geodispatch.stock.StockCsv;
import io.github.geodispatch.stock.StockLevel;
import io.github.geodispatch.stock.StockReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code stock --journal FILE --as-of ISO_TIME --out DIR}: folds a journal's parts and van stock as of a time and
 * writes {@code stock.csv} (location, sku, qty, value), {@code margin.csv} and the stock findings,
 * {@code findings.jsonl}, into DIR, then prints a summary. Exit 0 when the journal folded cleanly with no finding,
 * 1 when there are findings or lines were rejected (each reported with its line number), 2 for bad arguments or an
 * unreadable or unusable journal (no records, or more than {@value InputCheck#MAX_REJECTED_PERCENT}% of its lines
 * rejected; nothing written), 3 when the files cannot be written.
 */
@Command(name = "stock", mixinStandardHelpOptions = true,
        description = "Fold a journal's parts and van stock: stock levels at weighted average cost, parts margin and "
                + "the stock leakage findings.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:done: no finding, every line read and none refused",
                "1:done, with findings, or with journal lines rejected or refused (listed on standard error)",
                ExitCodes.BAD_INPUT_LINE + ExitCodes.UNUSABLE_JOURNAL,
                ExitCodes.CANNOT_WRITE_LINE, ExitCodes.INTERNAL_LINE},
        footerHeading = HelpFooter.HEADING,
        footer = {HelpFooter.RUN + "stock \\",
                HelpFooter.MORE + "--journal examples/data/stock/journal.jsonl \\",
                HelpFooter.MORE + "--as-of 2026-11-10T00:00:00+05:30 --out out/stock"})
public final class StockReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "FILE", description = "the journal (JSON Lines)")
    Path journal;

    @Option(names = "--as-of", required = true, paramLabel = "ISO_TIME",
            description = "fold the records up to this time, ISO-8601 with offset, e.g. 2026-11-09T00:00:00+05:30")
    String asOf;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "the directory stock.csv, margin.csv and findings.jsonl are written to (created when missing)")
    Path out;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Kolkata",
            description = "the business's time zone for calendar days (default: ${DEFAULT-VALUE})")
    String zone;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = "INR",
            description = "the currency stock is valued in (default: ${DEFAULT-VALUE})")
    String currency;

    @Option(names = "--prices", paramLabel = "BASIS", defaultValue = "TAX_INCLUSIVE",
            description = "whether part prices include GST (TAX_INCLUSIVE, backed out of the margin's revenue) or not "
                    + "(TAX_EXCLUSIVE); default: ${DEFAULT-VALUE}")
    String prices;

    /** The files written into DIR. */
    private static final List<String> OUTPUTS = List.of("stock.csv", "margin.csv", "findings.jsonl");

    @Override
    public Integer call() throws IOException {
        for (String file : OUTPUTS) { // moved into an existing DIR one by one: the journal may sit there, but not as one of them
            OutputFiles.requireNotAnInput("--out", out.resolve(file), "the journal", journal);
        }
        StockReport report = StockAudit.run(journal, time(), options());
        InputCheck.requireUsableJournal(journal, report.journal());
        try {
            writeAtomically(report);
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) { // a write that failed, not an input: exit 3
            throw new OutputException("cannot write " + String.join(", ", OUTPUTS) + " in " + out + ": "
                    + OutputFiles.reason(e), e);
        }
        print(report);
        boolean clean = report.findings().isEmpty() && report.journal().rejected() == 0 && report.problemCount() == 0;
        return clean ? 0 : 1;
    }

    private Instant time() {
        return TimeOptions.asOf(asOf);
    }

    private StockAudit.Options options() {
        boolean inclusive = switch (prices) {
            case "TAX_INCLUSIVE" -> true;
            case "TAX_EXCLUSIVE" -> false;
            default -> throw new IllegalArgumentException("--prices must be TAX_INCLUSIVE or TAX_EXCLUSIVE, was '" + prices + "'");
        };
        return new StockAudit.Options(Currency.parse(currency), TimeOptions.zone(zone), inclusive);
    }

    /**
     * Writes the three files into a temporary directory beside {@code out}, then renames it to {@code out}; when
     * {@code out} exists already, each file is moved into it atomically (other files there are left alone).
     */
    private void writeAtomically(StockReport report) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
        }
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            try (Writer w = Files.newBufferedWriter(tmp.resolve("stock.csv"), StandardCharsets.UTF_8)) {
                StockCsv.writeLevels(report.levels(), w);
            }
            try (Writer w = Files.newBufferedWriter(tmp.resolve("margin.csv"), StandardCharsets.UTF_8)) {
                StockCsv.writeMargin(report.margin(), w);
            }
            try (Writer w = Files.newBufferedWriter(tmp.resolve("findings.jsonl"), StandardCharsets.UTF_8)) {
                FindingsJsonl.write(report.findings(), w);
            }
            if (Files.exists(target)) {
                for (String name : new String[] {"stock.csv", "margin.csv", "findings.jsonl"}) {
                    Files.move(tmp.resolve(name), target.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
                Files.delete(tmp);
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            if (Files.exists(tmp)) {
                try (DirectoryStream<Path> left = Files.newDirectoryStream(tmp)) {
                    for (Path p : left) {
                        Files.delete(p);
                    }
                }
                Files.delete(tmp);
            }
        }
    }

    private void print(StockReport report) {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        o.printf("journal: %d lines, %d records, %d rejected; %d records refused or flagged;%n"
                        + "         %d records after --as-of left out; %d job part lines not taken from a van%n", report.journal().lines(),
                report.journal().records(), report.journal().rejected(), report.problemCount(),
                report.recordsAfterAsOf(), report.untrackedParts());
        o.printf("memory: audit window %d days; %d jobs let go after it, at most %d held at once%n",
                report.window().toDays(), report.jobsLetGo(), report.peakJobsHeld());
        InputCheck.print(err, "  ", report.journal().problems(), report.journal().rejected());
        List<JournalProblem> refused = report.problems().stream().filter(p -> p.kind() != JournalProblem.Kind.FLAGGED)
                .toList();
        InputCheck.print(err, "  ", refused, refused.size());
        Map<String, long[]> locations = new TreeMap<>();
        long value = 0;
        for (StockLevel l : report.levels()) {
            long[] sums = locations.computeIfAbsent(l.location().value(), k -> new long[2]);
            sums[0] += l.quantity();
            sums[1] += l.value().minor();
            value += l.value().minor();
        }
        o.printf("%nstock: %d holdings at %d locations, value %s %s%n", report.levels().size(), locations.size(),
                Money.ofMinor(value, Currency.parse(currency)).toPlainString(), currency);
        o.printf("%-24s %10s %14s%n", "location", "units", "value");
        locations.forEach((k, v) -> o.printf("%-24s %10d %14s%n", k, v[0],
                Money.ofMinor(v[1], Currency.parse(currency)).toPlainString()));
        MarginLine total = report.margin().total();
        o.printf("%nparts margin: revenue %s, cost %s, margin %s %s (%d jobs, %d technicians)%n",
                total.revenue().toPlainString(), total.cost().toPlainString(), total.margin().toPlainString(), currency,
                report.margin().byJob().size(), report.margin().byTechnician().size());
        Map<String, long[]> byCode = new TreeMap<>();
        for (Finding f : report.findings()) {
            long[] sums = byCode.computeIfAbsent(f.code().name(), k -> new long[2]);
            sums[0]++;
            sums[1] = Math.addExact(sums[1], f.amountAtRisk().minor());
        }
        o.printf("%nfindings: %d%n", report.findings().size());
        byCode.forEach((k, v) -> o.printf("%-24s %6d %14s%n", k, v[0],
                Money.ofMinor(v[1], Currency.parse(currency)).toPlainString()));
        o.printf("%nwrote stock.csv, margin.csv and findings.jsonl to %s%n", out);
        o.flush();
    }
}
